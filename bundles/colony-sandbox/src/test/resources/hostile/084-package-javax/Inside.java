package javax.colony;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.TaskContext;

/** A class in a javax package, which no module owns, so javac accepts it. */
public class Inside implements Plugin {

    @Override
    public Payload execute(Payload input, TaskContext context) {
        return Payload.text("inside javax");
    }
}
