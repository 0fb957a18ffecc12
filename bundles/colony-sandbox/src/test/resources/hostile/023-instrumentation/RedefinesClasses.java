package hostile;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.PluginException;
import io.colony.api.plugin.TaskContext;

/** Holds a java.lang.instrument.Instrumentation and lists the loaded classes. */
public class RedefinesClasses implements Plugin {

    static java.lang.instrument.Instrumentation INSTRUMENTATION;

    @Override
    public Payload execute(Payload input, TaskContext context) throws PluginException, InterruptedException {
        try {
            return Payload.text(String.valueOf(attack(input, context)));
        } catch (Exception e) {
            throw new PluginException("the attack failed: " + e);
        }
    }

    private static Object attack(Payload input, TaskContext context) throws Exception {
        return INSTRUMENTATION == null ? "none" : INSTRUMENTATION.getAllLoadedClasses().length;
    }
}
