package hostile;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.PluginException;
import io.colony.api.plugin.TaskContext;

/** Calls System.gc() in a loop: a full collection of the worker's whole heap each time. */
public class CollectsGarbageForever implements Plugin {

    @Override
    public Payload execute(Payload input, TaskContext context) throws PluginException, InterruptedException {
        try {
            return Payload.text(String.valueOf(attack(input, context)));
        } catch (Exception e) {
            throw new PluginException("the attack failed: " + e);
        }
    }

    private static Object attack(Payload input, TaskContext context) throws Exception {
        for (int i = 0; i < 1_000_000; i++) {
            System.gc();
        }
        return "collected";
    }
}
