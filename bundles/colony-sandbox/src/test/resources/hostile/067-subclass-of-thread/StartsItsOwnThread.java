package hostile;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.PluginException;
import io.colony.api.plugin.TaskContext;

/** Starts a user subclass of Thread: the call's owner is a user class. */
public class StartsItsOwnThread implements Plugin {

    @Override
    public Payload execute(Payload input, TaskContext context) throws PluginException, InterruptedException {
        try {
            return Payload.text(String.valueOf(attack(input, context)));
        } catch (Exception e) {
            throw new PluginException("the attack failed: " + e);
        }
    }

    private static Object attack(Payload input, TaskContext context) throws Exception {
        new Spinner().start();
        return "started";
    }
}

class Spinner extends Thread {
    @Override
    public void run() {
        while (true) {
            Math.sqrt(2);
        }
    }
}
