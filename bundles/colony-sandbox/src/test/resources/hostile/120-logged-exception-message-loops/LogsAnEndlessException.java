package hostile;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.PluginException;
import io.colony.api.plugin.TaskContext;

/** Logs a throwable whose getMessage() never returns (called by whoever formats the log line). */
public class LogsAnEndlessException implements Plugin {

    @Override
    public Payload execute(Payload input, TaskContext context) throws PluginException, InterruptedException {
        try {
            return Payload.text(String.valueOf(attack(input, context)));
        } catch (Exception e) {
            throw new PluginException("the attack failed: " + e);
        }
    }

    private static Object attack(Payload input, TaskContext context) throws Exception {
        context.logger().log(System.Logger.Level.ERROR, "look at this", new EndlessMessage());
        return "logged";
    }
}

class EndlessMessage extends RuntimeException {
    private static final long serialVersionUID = 1L;

    @Override
    public String getMessage() {
        long spins = 0;
        while (spins >= 0) {
            spins++;
        }
        return "never";
    }
}
