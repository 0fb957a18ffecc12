package hostile;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.TaskContext;

/** Fails with an exception that cannot be described. */
public class FailsIndescribably implements Plugin {

    @Override
    public Payload execute(Payload input, TaskContext context) {
        throw new EndlessDescriptionException();
    }
}

class EndlessDescriptionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    @Override
    public String getLocalizedMessage() {
        return spin();
    }

    @Override
    public String toString() {
        return spin();
    }

    private static String spin() {
        long spins = 0;
        while (spins >= 0) {
            spins++;
        }
        return "never";
    }
}
