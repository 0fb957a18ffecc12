package hostile;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.PluginException;
import io.colony.api.plugin.TaskContext;

/** A StringBuilder appended to itself until the heap is gone (the last appends copy a gigabyte inside the JDK, where no guard runs). */
public class DoublesAStringBuilder implements Plugin {

    @Override
    public Payload execute(Payload input, TaskContext context) throws PluginException, InterruptedException {
        try {
            return Payload.text(String.valueOf(attack(input, context)));
        } catch (Exception e) {
            throw new PluginException("the attack failed: " + e);
        }
    }

    private static Object attack(Payload input, TaskContext context) throws Exception {
        StringBuilder text = new StringBuilder("x");
        while (true) {
            text.append(text);
        }
    }
}
