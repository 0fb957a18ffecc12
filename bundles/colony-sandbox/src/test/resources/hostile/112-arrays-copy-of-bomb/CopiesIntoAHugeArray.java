package hostile;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.PluginException;
import io.colony.api.plugin.TaskContext;

/** Arrays.copyOf to 200 million longs (1.6 GB), allocated inside the JDK. */
public class CopiesIntoAHugeArray implements Plugin {

    @Override
    public Payload execute(Payload input, TaskContext context) throws PluginException, InterruptedException {
        try {
            return Payload.text(String.valueOf(attack(input, context)));
        } catch (Exception e) {
            throw new PluginException("the attack failed: " + e);
        }
    }

    private static Object attack(Payload input, TaskContext context) throws Exception {
        long[] copy = java.util.Arrays.copyOf(new long[1], 200_000_000);
        return copy.length;
    }
}
