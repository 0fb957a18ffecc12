package hostile;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.PluginException;
import io.colony.api.plugin.TaskContext;

/** With java.util.concurrent.Semaphore on the operator's allowlist, blocks in acquireUninterruptibly, which no interrupt ends (only in a child JVM: in process the sandbox can only abandon the thread, which would stay blocked for the life of the test JVM). */
public class BlocksUninterruptiblyWhenAllowed implements Plugin {

    @Override
    public Payload execute(Payload input, TaskContext context) throws PluginException, InterruptedException {
        try {
            return Payload.text(String.valueOf(attack(input, context)));
        } catch (Exception e) {
            throw new PluginException("the attack failed: " + e);
        }
    }

    private static Object attack(Payload input, TaskContext context) throws Exception {
        new java.util.concurrent.Semaphore(0).acquireUninterruptibly();
        return "acquired";
    }
}
