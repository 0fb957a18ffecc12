package hostile;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.TaskContext;

/** The escapes close the block comment and open another: the call between them is code. */
public class HidesInABlockComment implements Plugin {

    @Override
    public Payload execute(Payload input, TaskContext context) {
        /* a harmless comment \u002a/ Runtime.getRuntime().halt(3); /\u002a still a comment */
        return Payload.text("harmless");
    }
}
