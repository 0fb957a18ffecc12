package hostile;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.PluginException;
import io.colony.api.plugin.TaskContext;

/** Logs through System.getLogger, a logger of the worker that the task's LOG_SIZE limit does not count. */
public class FloodsTheJdkLogger implements Plugin {

    @Override
    public Payload execute(Payload input, TaskContext context) throws PluginException, InterruptedException {
        try {
            return Payload.text(String.valueOf(attack(input, context)));
        } catch (Exception e) {
            throw new PluginException("the attack failed: " + e);
        }
    }

    private static Object attack(Payload input, TaskContext context) throws Exception {
        System.Logger logger = System.getLogger("colony");
        for (long i = 0; ; i++) {
            logger.log(System.Logger.Level.ERROR, "flood " + i);
        }
    }
}
