package hostile;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.PluginException;
import io.colony.api.plugin.TaskContext;

/** A declared finalize() runs on the JVM's finalizer thread, outside every limit. */
public class FinalizesForever implements Plugin {

    @Override
    @SuppressWarnings("deprecation")
    protected void finalize() {
        while (true) {
            Math.sqrt(2);
        }
    }

    @Override
    public Payload execute(Payload input, TaskContext context) throws PluginException, InterruptedException {
        try {
            return Payload.text(String.valueOf(attack(input, context)));
        } catch (Exception e) {
            throw new PluginException("the attack failed: " + e);
        }
    }

    private static Object attack(Payload input, TaskContext context) throws Exception {
        return "made";
    }
}
