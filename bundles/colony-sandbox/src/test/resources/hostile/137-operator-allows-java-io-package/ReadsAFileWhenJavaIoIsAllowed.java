package hostile;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.PluginException;
import io.colony.api.plugin.TaskContext;

/** With the whole package java.io.* on the operator's allowlist, reads /etc/passwd. */
public class ReadsAFileWhenJavaIoIsAllowed implements Plugin {

    @Override
    public Payload execute(Payload input, TaskContext context) throws PluginException, InterruptedException {
        try {
            return Payload.text(String.valueOf(attack(input, context)));
        } catch (Exception e) {
            throw new PluginException("the attack failed: " + e);
        }
    }

    private static Object attack(Payload input, TaskContext context) throws Exception {
        try (java.io.FileInputStream in = new java.io.FileInputStream("/etc/passwd")) {
            return in.read();
        }
    }
}
