package hostile;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.TaskContext;

/** Looks like a plugin, is not one. */
public class JustAClass {

    public Payload execute(Payload input, TaskContext context) {
        return Payload.text("not a plugin");
    }
}
