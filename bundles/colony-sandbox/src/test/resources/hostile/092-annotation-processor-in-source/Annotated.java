package hostile;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.TaskContext;

/** Carries an annotation for the processor to see. */
@Deprecated
public class Annotated implements Plugin {

    @Override
    public Payload execute(Payload input, TaskContext context) {
        return Payload.text("annotated");
    }
}
