package hostile;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.TaskContext;

/** Never finishes being constructed. */
public class NeverConstructed implements Plugin {

    private long spins;

    public NeverConstructed() {
        while (spins >= 0) {
            spins++;
        }
    }

    @Override
    public Payload execute(Payload input, TaskContext context) {
        return Payload.text(String.valueOf(spins));
    }
}
