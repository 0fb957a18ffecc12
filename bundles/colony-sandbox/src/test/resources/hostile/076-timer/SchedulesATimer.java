package hostile;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.PluginException;
import io.colony.api.plugin.TaskContext;

/** java.util.Timer starts a thread. */
public class SchedulesATimer implements Plugin {

    @Override
    public Payload execute(Payload input, TaskContext context) throws PluginException, InterruptedException {
        try {
            return Payload.text(String.valueOf(attack(input, context)));
        } catch (Exception e) {
            throw new PluginException("the attack failed: " + e);
        }
    }

    private static Object attack(Payload input, TaskContext context) throws Exception {
        new java.util.Timer().schedule(new java.util.TimerTask() {
            @Override
            public void run() {
                while (true) {
                    Math.sqrt(2);
                }
            }
        }, 0L);
        return "scheduled";
    }
}
