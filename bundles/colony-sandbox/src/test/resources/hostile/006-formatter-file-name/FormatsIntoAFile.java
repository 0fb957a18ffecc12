package hostile;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.PluginException;
import io.colony.api.plugin.TaskContext;

/** new java.util.Formatter(String) creates the named file: only Strings in its signature. */
public class FormatsIntoAFile implements Plugin {

    @Override
    public Payload execute(Payload input, TaskContext context) throws PluginException, InterruptedException {
        try {
            return Payload.text(String.valueOf(attack(input, context)));
        } catch (Exception e) {
            throw new PluginException("the attack failed: " + e);
        }
    }

    private static Object attack(Payload input, TaskContext context) throws Exception {
        try (java.util.Formatter formatter = new java.util.Formatter("/tmp/colony-hostile-formatter")) {
            formatter.format("pwned %d", 1);
        }
        return "written";
    }
}
