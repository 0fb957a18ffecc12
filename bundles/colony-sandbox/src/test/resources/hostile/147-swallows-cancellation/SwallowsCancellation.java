package hostile;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.PluginException;
import io.colony.api.plugin.TaskContext;

/** Calls checkCancelled() in a loop and swallows the CancellationException; the task is cancelled after 300 ms and must end at once. */
public class SwallowsCancellation implements Plugin {

    @Override
    public Payload execute(Payload input, TaskContext context) throws PluginException, InterruptedException {
        try {
            return Payload.text(String.valueOf(attack(input, context)));
        } catch (Exception e) {
            throw new PluginException("the attack failed: " + e);
        }
    }

    private static Object attack(Payload input, TaskContext context) throws Exception {
        while (true) {
            try {
                context.checkCancelled();
            } catch (RuntimeException e) {
                // keep going
            }
        }
    }
}
