package hostile;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.PluginException;
import io.colony.api.plugin.TaskContext;

/** java.util.logging with a FileHandler writes files and logs outside the task's limits. */
public class LogsToAFile implements Plugin {

    @Override
    public Payload execute(Payload input, TaskContext context) throws PluginException, InterruptedException {
        try {
            return Payload.text(String.valueOf(attack(input, context)));
        } catch (Exception e) {
            throw new PluginException("the attack failed: " + e);
        }
    }

    private static Object attack(Payload input, TaskContext context) throws Exception {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger("colony");
        logger.addHandler(new java.util.logging.FileHandler("/tmp/colony-hostile-jul.log"));
        logger.severe("pwned");
        return "logged";
    }
}
