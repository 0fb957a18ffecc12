package hostile;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.PluginException;
import io.colony.api.plugin.TaskContext;

/** Direct ByteBuffers: memory outside the heap that no allocation counter sees. */
public class AllocatesOffHeap implements Plugin {

    @Override
    public Payload execute(Payload input, TaskContext context) throws PluginException, InterruptedException {
        try {
            return Payload.text(String.valueOf(attack(input, context)));
        } catch (Exception e) {
            throw new PluginException("the attack failed: " + e);
        }
    }

    private static Object attack(Payload input, TaskContext context) throws Exception {
        java.util.List<java.nio.ByteBuffer> kept = new java.util.ArrayList<>();
        while (true) {
            kept.add(java.nio.ByteBuffer.allocateDirect(64 << 20));
        }
    }
}
