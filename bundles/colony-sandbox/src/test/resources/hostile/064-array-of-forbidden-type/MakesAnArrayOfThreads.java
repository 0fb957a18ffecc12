package hostile;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.PluginException;
import io.colony.api.plugin.TaskContext;

/** Only a two-dimensional array of Thread (multianewarray). */
public class MakesAnArrayOfThreads implements Plugin {

    @Override
    public Payload execute(Payload input, TaskContext context) throws PluginException, InterruptedException {
        try {
            return Payload.text(String.valueOf(attack(input, context)));
        } catch (Exception e) {
            throw new PluginException("the attack failed: " + e);
        }
    }

    private static Object attack(Payload input, TaskContext context) throws Exception {
        Thread[][] threads = new Thread[1][1];
        return threads.length;
    }
}
