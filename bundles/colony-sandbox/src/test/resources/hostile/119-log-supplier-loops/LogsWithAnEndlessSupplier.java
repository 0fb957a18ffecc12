package hostile;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.PluginException;
import io.colony.api.plugin.TaskContext;

/** Logs with a message supplier that never returns (called by the logger, not by the program). */
public class LogsWithAnEndlessSupplier implements Plugin {

    @Override
    public Payload execute(Payload input, TaskContext context) throws PluginException, InterruptedException {
        try {
            return Payload.text(String.valueOf(attack(input, context)));
        } catch (Exception e) {
            throw new PluginException("the attack failed: " + e);
        }
    }

    private static Object attack(Payload input, TaskContext context) throws Exception {
        java.util.function.Supplier<String> endless = () -> {
            long spins = 0;
            while (spins >= 0) {
                spins++;
            }
            return "never";
        };
        context.logger().log(System.Logger.Level.INFO, endless);
        return "logged";
    }
}
