package hostile;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.TaskContext;

/** Can only be made with an argument. */
public class NeedsAnArgument implements Plugin {

    private final int value;

    public NeedsAnArgument(int value) {
        this.value = value;
    }

    @Override
    public Payload execute(Payload input, TaskContext context) {
        return Payload.text(String.valueOf(value));
    }
}
