package hostile;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.TaskContext;

/** Returns 1 MiB where the policy allows 64 KiB. */
public class ReturnsTooMuch implements Plugin {

    @Override
    public Payload execute(Payload input, TaskContext context) {
        return Payload.of(new byte[1 << 20], Payload.BINARY);
    }
}
