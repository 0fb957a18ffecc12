package hostile;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.PluginException;
import io.colony.api.plugin.TaskContext;

/** Reads /etc/passwd through java.util.Scanner(Path): an innocent-looking utility that opens a file. */
public class ScansAPath implements Plugin {

    @Override
    public Payload execute(Payload input, TaskContext context) throws PluginException, InterruptedException {
        try {
            return Payload.text(String.valueOf(attack(input, context)));
        } catch (Exception e) {
            throw new PluginException("the attack failed: " + e);
        }
    }

    private static Object attack(Payload input, TaskContext context) throws Exception {
        try (java.util.Scanner scanner = new java.util.Scanner(java.nio.file.Path.of("/etc/passwd"))) {
            return scanner.nextLine();
        }
    }
}
