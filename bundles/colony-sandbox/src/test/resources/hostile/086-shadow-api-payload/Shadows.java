package hostile;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.TaskContext;

/** Uses its own io.colony.api.plugin.TaskContext. */
public class Shadows implements Plugin {

    @Override
    public Payload execute(Payload input, TaskContext context) {
        return Payload.text(context.taskId());
    }
}
