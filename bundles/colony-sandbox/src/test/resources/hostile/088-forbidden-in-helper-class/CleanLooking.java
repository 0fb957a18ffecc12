package hostile;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.TaskContext;

/** Clean itself; its helper is not. */
public class CleanLooking implements Plugin {

    @Override
    public Payload execute(Payload input, TaskContext context) {
        return Payload.text(String.valueOf(Helper.size()));
    }
}
