package hostile;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.PluginException;
import io.colony.api.plugin.TaskContext;

/** Reads a resource of the worker's class path through Class.getResourceAsStream. */
public class ReadsAResource implements Plugin {

    @Override
    public Payload execute(Payload input, TaskContext context) throws PluginException, InterruptedException {
        try {
            return Payload.text(String.valueOf(attack(input, context)));
        } catch (Exception e) {
            throw new PluginException("the attack failed: " + e);
        }
    }

    private static Object attack(Payload input, TaskContext context) throws Exception {
        try (java.io.InputStream in = Plugin.class.getResourceAsStream("/META-INF/MANIFEST.MF")) {
            return in == null ? "none" : new String(in.readAllBytes());
        }
    }
}
