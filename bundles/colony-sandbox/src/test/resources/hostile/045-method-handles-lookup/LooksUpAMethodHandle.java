package hostile;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.PluginException;
import io.colony.api.plugin.TaskContext;

/** Finds System.exit through MethodHandles.lookup() and invokes it. */
public class LooksUpAMethodHandle implements Plugin {

    @Override
    public Payload execute(Payload input, TaskContext context) throws PluginException, InterruptedException {
        try {
            return Payload.text(String.valueOf(attack(input, context)));
        } catch (Exception e) {
            throw new PluginException("the attack failed: " + e);
        }
    }

    private static Object attack(Payload input, TaskContext context) throws Exception {
        java.lang.invoke.MethodHandle exit = java.lang.invoke.MethodHandles.lookup()
                .findStatic(System.class, "exit", java.lang.invoke.MethodType.methodType(void.class, int.class));
        try {
            exit.invoke(3);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
        return "exited";
    }
}
