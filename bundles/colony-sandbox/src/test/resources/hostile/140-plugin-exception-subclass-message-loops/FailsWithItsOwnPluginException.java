package hostile;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.PluginException;
import io.colony.api.plugin.TaskContext;

/** Fails with a PluginException of its own making, whose message never comes. */
public class FailsWithItsOwnPluginException implements Plugin {

    @Override
    public Payload execute(Payload input, TaskContext context) throws PluginException {
        throw new SneakyFailure();
    }
}

class SneakyFailure extends PluginException {

    private static final long serialVersionUID = 1L;

    SneakyFailure() {
        super("sneaky");
    }

    @Override
    public String getMessage() {
        long spins = 0;
        while (spins >= 0) {
            spins++;
        }
        return "never";
    }
}
