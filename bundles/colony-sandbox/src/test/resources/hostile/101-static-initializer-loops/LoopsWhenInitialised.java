package hostile;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.PluginException;
import io.colony.api.plugin.TaskContext;

/** Its static initialiser never ends: loading the entry class must already be limited. */
public class LoopsWhenInitialised implements Plugin {

    private static final long SPUN = spin();

    private static long spin() {
        long spins = 0;
        while (spins >= 0) {
            spins++;
        }
        return spins;
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
        return SPUN;
    }
}
