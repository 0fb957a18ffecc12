package hostile;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.TaskContext;

/** Fails with an exception that throws when asked for its message. */
public class FailsWhileFailing implements Plugin {

    @Override
    public Payload execute(Payload input, TaskContext context) {
        throw new ThrowingMessageException();
    }
}

class ThrowingMessageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    @Override
    public String getMessage() {
        throw new IllegalStateException("no message for you");
    }
}
