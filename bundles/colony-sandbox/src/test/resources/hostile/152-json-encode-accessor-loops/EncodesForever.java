package hostile;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.PluginException;
import io.colony.api.plugin.TaskContext;

/** Asks the codec to write a record that cannot be read. */
public class EncodesForever implements Plugin {

    public record Endless(long value) {
        @Override
        public long value() {
            long spins = 0;
            while (spins >= 0) {
                spins++;
            }
            return spins;
        }
    }

    @Override
    public Payload execute(Payload input, TaskContext context) throws PluginException {
        return context.json().encode(new Endless(1));
    }
}
