package hostile;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.PluginException;
import io.colony.api.plugin.TaskContext;

/** Decodes a JSON string into java.lang.Class: Jackson, the worker's codec, looks the name up with Class.forName (and initialises the class); time enough for a child JVM to start Jackson. */
public class MakesAClassFromJson implements Plugin {

    @Override
    public Payload execute(Payload input, TaskContext context) throws PluginException, InterruptedException {
        try {
            return Payload.text(String.valueOf(attack(input, context)));
        } catch (Exception e) {
            throw new PluginException("the attack failed: " + e);
        }
    }

    private static Object attack(Payload input, TaskContext context) throws Exception {
        Class<?> type = context.json().decode(Payload.json("\"java.lang.Runtime\""), Class.class);
        return type.getName();
    }
}
