package hostile;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.PluginException;
import io.colony.api.plugin.TaskContext;

/** A HashMap key whose hashCode() never returns. */
public class HashesForever implements Plugin {

    @Override
    public Payload execute(Payload input, TaskContext context) throws PluginException, InterruptedException {
        try {
            return Payload.text(String.valueOf(attack(input, context)));
        } catch (Exception e) {
            throw new PluginException("the attack failed: " + e);
        }
    }

    private static Object attack(Payload input, TaskContext context) throws Exception {
        java.util.Map<Object, Integer> map = new java.util.HashMap<>();
        map.put(new Key(), 1);
        return map.size();
    }
}

class Key {
    @Override
    public int hashCode() {
        int spins = 0;
        while (spins >= 0) {
            spins = (spins + 1) & 0x3fffffff;
        }
        return spins;
    }
}
