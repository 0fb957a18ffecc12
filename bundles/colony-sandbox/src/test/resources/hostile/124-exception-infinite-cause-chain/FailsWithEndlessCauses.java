package hostile;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.TaskContext;

/** Fails with a cause chain that never ends. */
public class FailsWithEndlessCauses implements Plugin {

    @Override
    public Payload execute(Payload input, TaskContext context) {
        throw new EndlessCauseException();
    }
}

class EndlessCauseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    EndlessCauseException() {
        super("one of many");
    }

    @Override
    public synchronized Throwable getCause() {
        return new EndlessCauseException();
    }
}
