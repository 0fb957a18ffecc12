package hostile;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.TaskContext;

/** Fails with an exception whose message never comes. */
public class FailsEndlessly implements Plugin {

    @Override
    public Payload execute(Payload input, TaskContext context) {
        throw new EndlessMessageException();
    }
}

class EndlessMessageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    @Override
    public String getMessage() {
        long spins = 0;
        while (spins >= 0) {
            spins++;
        }
        return "never";
    }
}
