package hostile;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.PluginException;
import io.colony.api.plugin.TaskContext;

/** String concatenation (invokedynamic makeConcatWithConstants) calls a user toString() that never returns. */
public class ConcatenatesForever implements Plugin {

    @Override
    public Payload execute(Payload input, TaskContext context) throws PluginException, InterruptedException {
        try {
            return Payload.text(String.valueOf(attack(input, context)));
        } catch (Exception e) {
            throw new PluginException("the attack failed: " + e);
        }
    }

    private static Object attack(Payload input, TaskContext context) throws Exception {
        return "value: " + new Endless();
    }
}

class Endless {
    @Override
    public String toString() {
        long spins = 0;
        while (spins >= 0) {
            spins++;
        }
        return "done";
    }
}
