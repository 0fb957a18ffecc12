package hostile;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.PluginException;
import io.colony.api.plugin.TaskContext;

/** A ThreadLocal value stays on a pooled worker thread after the run, pinning the program's class loader and memory. */
public class LeavesAThreadLocal implements Plugin {

    private static final ThreadLocal<byte[]> KEPT = new ThreadLocal<>();

    @Override
    public Payload execute(Payload input, TaskContext context) throws PluginException, InterruptedException {
        try {
            return Payload.text(String.valueOf(attack(input, context)));
        } catch (Exception e) {
            throw new PluginException("the attack failed: " + e);
        }
    }

    private static Object attack(Payload input, TaskContext context) throws Exception {
        KEPT.set(new byte[32 << 20]);
        return "kept";
    }
}
