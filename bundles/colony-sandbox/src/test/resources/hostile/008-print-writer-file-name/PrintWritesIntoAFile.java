package hostile;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.PluginException;
import io.colony.api.plugin.TaskContext;

/** new java.io.PrintWriter(String) creates the named file, although PrintWriter over a StringWriter is harmless. */
public class PrintWritesIntoAFile implements Plugin {

    @Override
    public Payload execute(Payload input, TaskContext context) throws PluginException, InterruptedException {
        try {
            return Payload.text(String.valueOf(attack(input, context)));
        } catch (Exception e) {
            throw new PluginException("the attack failed: " + e);
        }
    }

    private static Object attack(Payload input, TaskContext context) throws Exception {
        try (java.io.PrintWriter out = new java.io.PrintWriter("/tmp/colony-hostile-print-writer")) {
            out.println("pwned");
        }
        return "written";
    }
}
