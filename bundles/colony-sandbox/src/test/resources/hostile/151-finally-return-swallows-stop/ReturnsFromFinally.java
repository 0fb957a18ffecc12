package hostile;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.PluginException;
import io.colony.api.plugin.TaskContext;

/** A finally block that returns, which would discard the stop thrown in its try block, called in an endless loop. */
public class ReturnsFromFinally implements Plugin {

    @SuppressWarnings("finally")
    private static long spinThenReturn() {
        try {
            long spins = 0;
            while (spins >= 0) {
                spins++;
            }
            return spins;
        } finally {
            return 1;
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
        long calls = 0;
        while (calls >= 0) {
            calls += spinThenReturn();
        }
        return calls;
    }
}
