package hostile;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.PluginException;
import io.colony.api.plugin.TaskContext;

/** One JDK call allocates 1 GiB and the program returns right after it, before any guard call could notice (in process, which limit notices first depends on how long the JVM takes to allocate). */
public class RepeatsAGigabyte implements Plugin {

    @Override
    public Payload execute(Payload input, TaskContext context) throws PluginException, InterruptedException {
        try {
            return Payload.text(String.valueOf(attack(input, context)));
        } catch (Exception e) {
            throw new PluginException("the attack failed: " + e);
        }
    }

    private static Object attack(Payload input, TaskContext context) throws Exception {
        String big = "xx".repeat(1 << 29);
        return big.length();
    }
}
