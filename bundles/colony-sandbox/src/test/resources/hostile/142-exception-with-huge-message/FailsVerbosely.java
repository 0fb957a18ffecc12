package hostile;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.PluginException;
import io.colony.api.plugin.TaskContext;

/** Fails with an 8 MiB message, bypassing the result and log limits if the caller passes it on whole. */
public class FailsVerbosely implements Plugin {

    @Override
    public Payload execute(Payload input, TaskContext context) throws PluginException, InterruptedException {
        throw new IllegalStateException("x".repeat(8 << 20));
    }
}
