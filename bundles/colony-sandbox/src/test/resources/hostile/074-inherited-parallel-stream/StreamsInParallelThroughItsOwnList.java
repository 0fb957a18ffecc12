package hostile;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.PluginException;
import io.colony.api.plugin.TaskContext;

/** parallelStream called on a user subclass of ArrayList, so the owner of the call is a user class. */
public class StreamsInParallelThroughItsOwnList implements Plugin {

    @Override
    public Payload execute(Payload input, TaskContext context) throws PluginException, InterruptedException {
        try {
            return Payload.text(String.valueOf(attack(input, context)));
        } catch (Exception e) {
            throw new PluginException("the attack failed: " + e);
        }
    }

    private static Object attack(Payload input, TaskContext context) throws Exception {
        Numbers numbers = new Numbers();
        numbers.add(1);
        return numbers.parallelStream().count();
    }
}

class Numbers extends java.util.ArrayList<Integer> {
    private static final long serialVersionUID = 1L;
}
