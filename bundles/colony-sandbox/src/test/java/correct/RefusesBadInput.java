package correct;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.PluginException;
import io.colony.api.plugin.TaskContext;

/** Says what is wrong with its input by throwing a PluginException, as the API asks. */
public class RefusesBadInput implements Plugin {

    @Override
    public Payload execute(Payload input, TaskContext context) throws PluginException {
        String text = input.asText().trim();
        try {
            long value = Long.parseLong(text);
            if (value < 0) {
                throw new PluginException("the input must not be negative, was " + value);
            }
            return Payload.text(Long.toString(value * value));
        } catch (NumberFormatException e) {
            throw new PluginException("the input must be a whole number, was '" + text + "'", e);
        }
    }
}
