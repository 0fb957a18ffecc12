package hostile;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.PluginException;
import io.colony.api.plugin.TaskContext;

/** Fails with an honest PluginException around a cause of its own making. */
public class FailsWithAProgramCause implements Plugin {

    @Override
    public Payload execute(Payload input, TaskContext context) throws PluginException {
        throw new PluginException("wrapped", new ProgramFailure());
    }
}

class ProgramFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    @Override
    public String toString() {
        long spins = 0;
        while (spins >= 0) {
            spins++;
        }
        return "never";
    }
}
