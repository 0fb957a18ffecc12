package hostile;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.PluginException;
import io.colony.api.plugin.TaskContext;

/** Catches StackOverflowError and recurses again at every level: exponential work near the stack's end. */
public class RecursesThroughStackOverflows implements Plugin {

    private static void tree() {
        try {
            tree();
        } catch (StackOverflowError e) {
            tree();
        }
    }

    @Override
    public Payload execute(Payload input, TaskContext context) throws PluginException, InterruptedException {
        try {
            return Payload.text(String.valueOf(attack(input, context)));
        } catch (Exception e) {
            throw new PluginException("the attack failed: " + e);
        }
    }

    private static Object attack(Payload input, TaskContext context) throws Exception {
        tree();
        return "returned";
    }
}
