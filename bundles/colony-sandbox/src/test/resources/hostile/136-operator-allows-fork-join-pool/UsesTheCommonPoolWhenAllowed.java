package hostile;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.PluginException;
import io.colony.api.plugin.TaskContext;

/** With java.util.concurrent.ForkJoinPool on the operator's allowlist, submits to the common pool. */
public class UsesTheCommonPoolWhenAllowed implements Plugin {

    @Override
    public Payload execute(Payload input, TaskContext context) throws PluginException, InterruptedException {
        try {
            return Payload.text(String.valueOf(attack(input, context)));
        } catch (Exception e) {
            throw new PluginException("the attack failed: " + e);
        }
    }

    private static Object attack(Payload input, TaskContext context) throws Exception {
        return java.util.concurrent.ForkJoinPool.commonPool().submit(() -> {
            while (true) {
                Math.sqrt(2);
            }
        });
    }
}
