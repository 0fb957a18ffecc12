package hostile;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.TaskContext;

/** Loops forever, hoping that its own Guard replaces the sandbox's. */
public class Unguarded implements Plugin {

    @Override
    public Payload execute(Payload input, TaskContext context) {
        long count = 0;
        while (count >= 0) {
            count++;
        }
        return Payload.text(String.valueOf(count));
    }
}
