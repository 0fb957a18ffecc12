package hostile;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.PluginException;
import io.colony.api.plugin.TaskContext;

/** An infinite loop inside catch (Throwable) inside another infinite loop: the stop must not be swallowed. */
public class SwallowsTheStop implements Plugin {

    @Override
    public Payload execute(Payload input, TaskContext context) throws PluginException, InterruptedException {
        try {
            return Payload.text(String.valueOf(attack(input, context)));
        } catch (Exception e) {
            throw new PluginException("the attack failed: " + e);
        }
    }

    private static Object attack(Payload input, TaskContext context) throws Exception {
        long spins = 0;
        while (true) {
            try {
                while (true) {
                    spins++;
                }
            } catch (Throwable t) {
                spins = -spins;
            }
        }
    }
}
