package hostile;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.PluginException;
import io.colony.api.plugin.TaskContext;

/** Source text larger than SourceCode.MAX_TOTAL_BYTES (padded with a comment by the test). */
public class IsTooLarge implements Plugin {

    @Override
    public Payload execute(Payload input, TaskContext context) throws PluginException, InterruptedException {
        return Payload.text("large");
    }
}
