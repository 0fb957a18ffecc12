package hostile;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.TaskContext;

/** Not the class the job names. */
public class SomeOtherPlugin implements Plugin {

    @Override
    public Payload execute(Payload input, TaskContext context) {
        return Payload.text("other");
    }
}
