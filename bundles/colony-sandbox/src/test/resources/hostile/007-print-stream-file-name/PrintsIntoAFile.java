package hostile;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.PluginException;
import io.colony.api.plugin.TaskContext;

/** new java.io.PrintStream(String) creates the named file. */
public class PrintsIntoAFile implements Plugin {

    @Override
    public Payload execute(Payload input, TaskContext context) throws PluginException, InterruptedException {
        try {
            return Payload.text(String.valueOf(attack(input, context)));
        } catch (Exception e) {
            throw new PluginException("the attack failed: " + e);
        }
    }

    private static Object attack(Payload input, TaskContext context) throws Exception {
        try (java.io.PrintStream out = new java.io.PrintStream("/tmp/colony-hostile-print-stream")) {
            out.println("pwned");
        }
        return "written";
    }
}
