package hostile;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.PluginException;
import io.colony.api.plugin.TaskContext;

/** LongStream.range(0, 40 billion).sum(): tens of seconds inside one JDK call that calls no code of the program, so no guard runs (with Long.MAX_VALUE it would never end). */
public class SumsInsideTheJdk implements Plugin {

    @Override
    public Payload execute(Payload input, TaskContext context) throws PluginException, InterruptedException {
        try {
            return Payload.text(String.valueOf(attack(input, context)));
        } catch (Exception e) {
            throw new PluginException("the attack failed: " + e);
        }
    }

    private static Object attack(Payload input, TaskContext context) throws Exception {
        return java.util.stream.LongStream.range(0, 40_000_000_000L).sum();
    }
}
