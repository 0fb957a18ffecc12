package hostile;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.PluginException;
import io.colony.api.plugin.TaskContext;

/** java.lang.ref.Cleaner runs code on its own thread. */
public class RegistersACleaner implements Plugin {

    @Override
    public Payload execute(Payload input, TaskContext context) throws PluginException, InterruptedException {
        try {
            return Payload.text(String.valueOf(attack(input, context)));
        } catch (Exception e) {
            throw new PluginException("the attack failed: " + e);
        }
    }

    private static Object attack(Payload input, TaskContext context) throws Exception {
        java.lang.ref.Cleaner.create().register(new Object(), () -> {
            while (true) {
                Math.sqrt(2);
            }
        });
        return "registered";
    }
}
