package hostile;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.PluginException;
import io.colony.api.plugin.TaskContext;

/** Returns no bytes but an 8 MiB content type: what the result limit counts must include it. */
public class ReturnsAHugeContentType implements Plugin {

    @Override
    public Payload execute(Payload input, TaskContext context) throws PluginException, InterruptedException {
        return Payload.of(new byte[0], "application/" + "x".repeat(8 << 20));
    }
}
