package hostile;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.PluginException;
import io.colony.api.plugin.TaskContext;

/** printStackTrace called through a user subclass of Exception, so the owner of the call is a user class. */
public class PrintsItsOwnStackTrace implements Plugin {

    @Override
    public Payload execute(Payload input, TaskContext context) throws PluginException, InterruptedException {
        try {
            return Payload.text(String.valueOf(attack(input, context)));
        } catch (Exception e) {
            throw new PluginException("the attack failed: " + e);
        }
    }

    private static Object attack(Payload input, TaskContext context) throws Exception {
        new Oops().printStackTrace();
        return "printed";
    }
}

class Oops extends Exception {
    private static final long serialVersionUID = 1L;
}
