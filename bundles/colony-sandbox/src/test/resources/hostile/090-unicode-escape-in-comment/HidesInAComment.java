package hostile;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.TaskContext;

/** A comment that is not one: the escape is a line feed, so the call after it is code. */
public class HidesInAComment implements Plugin {

    @Override
    public Payload execute(Payload input, TaskContext context) {
        // nothing to see here \u000a System.exit(3);
        return Payload.text("harmless");
    }
}
