package hostile;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.PluginException;
import io.colony.api.plugin.TaskContext;

/** Asks the codec to make an object that is never made. */
public class DecodesForever implements Plugin {

    public static final class Endless {
        public long spins;

        public Endless() {
            while (spins >= 0) {
                spins++;
            }
        }
    }

    @Override
    public Payload execute(Payload input, TaskContext context) throws PluginException {
        Endless endless = context.json().decode(Payload.json("{}"), Endless.class);
        return Payload.text(String.valueOf(endless.spins));
    }
}
