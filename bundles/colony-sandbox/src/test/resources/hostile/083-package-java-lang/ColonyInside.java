package java.lang;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.TaskContext;

/** A class in package java.lang, where it could reach package-private members. */
public class ColonyInside implements Plugin {

    @Override
    public Payload execute(Payload input, TaskContext context) {
        return Payload.text("inside java.lang");
    }
}
