package hostile;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.PluginException;
import io.colony.api.plugin.TaskContext;

/** Finds its parent process with ProcessHandle and kills it. */
public class KillsItsParent implements Plugin {

    @Override
    public Payload execute(Payload input, TaskContext context) throws PluginException, InterruptedException {
        try {
            return Payload.text(String.valueOf(attack(input, context)));
        } catch (Exception e) {
            throw new PluginException("the attack failed: " + e);
        }
    }

    private static Object attack(Payload input, TaskContext context) throws Exception {
        ProcessHandle.current().parent().ifPresent(ProcessHandle::destroyForcibly);
        return "killed";
    }
}
