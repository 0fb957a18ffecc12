package hostile;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.TaskContext;
import java.util.Map;

/** 2^8 nested calls of a generic method with two type parameters: javac's inference never finishes in time. */
public class InfersForever implements Plugin {

    static <A, B> Map<A, B> pair(A a, B b) {
        return Map.of(a, b);
    }

    static final Object VALUE = pair(pair(pair(pair(pair(pair(pair(pair(1, 1), pair(1, 1)), pair(pair(1, 1), pair(1, 1))), pair(pair(pair(1, 1), pair(1, 1)), pair(pair(1, 1), pair(1, 1)))), pair(pair(pair(pair(1, 1), pair(1, 1)), pair(pair(1, 1), pair(1, 1))), pair(pair(pair(1, 1), pair(1, 1)), pair(pair(1, 1), pair(1, 1))))), pair(pair(pair(pair(pair(1, 1), pair(1, 1)), pair(pair(1, 1), pair(1, 1))), pair(pair(pair(1, 1), pair(1, 1)), pair(pair(1, 1), pair(1, 1)))), pair(pair(pair(pair(1, 1), pair(1, 1)), pair(pair(1, 1), pair(1, 1))), pair(pair(pair(1, 1), pair(1, 1)), pair(pair(1, 1), pair(1, 1)))))), pair(pair(pair(pair(pair(pair(1, 1), pair(1, 1)), pair(pair(1, 1), pair(1, 1))), pair(pair(pair(1, 1), pair(1, 1)), pair(pair(1, 1), pair(1, 1)))), pair(pair(pair(pair(1, 1), pair(1, 1)), pair(pair(1, 1), pair(1, 1))), pair(pair(pair(1, 1), pair(1, 1)), pair(pair(1, 1), pair(1, 1))))), pair(pair(pair(pair(pair(1, 1), pair(1, 1)), pair(pair(1, 1), pair(1, 1))), pair(pair(pair(1, 1), pair(1, 1)), pair(pair(1, 1), pair(1, 1)))), pair(pair(pair(pair(1, 1), pair(1, 1)), pair(pair(1, 1), pair(1, 1))), pair(pair(pair(1, 1), pair(1, 1)), pair(pair(1, 1), pair(1, 1))))))), pair(pair(pair(pair(pair(pair(pair(1, 1), pair(1, 1)), pair(pair(1, 1), pair(1, 1))), pair(pair(pair(1, 1), pair(1, 1)), pair(pair(1, 1), pair(1, 1)))), pair(pair(pair(pair(1, 1), pair(1, 1)), pair(pair(1, 1), pair(1, 1))), pair(pair(pair(1, 1), pair(1, 1)), pair(pair(1, 1), pair(1, 1))))), pair(pair(pair(pair(pair(1, 1), pair(1, 1)), pair(pair(1, 1), pair(1, 1))), pair(pair(pair(1, 1), pair(1, 1)), pair(pair(1, 1), pair(1, 1)))), pair(pair(pair(pair(1, 1), pair(1, 1)), pair(pair(1, 1), pair(1, 1))), pair(pair(pair(1, 1), pair(1, 1)), pair(pair(1, 1), pair(1, 1)))))), pair(pair(pair(pair(pair(pair(1, 1), pair(1, 1)), pair(pair(1, 1), pair(1, 1))), pair(pair(pair(1, 1), pair(1, 1)), pair(pair(1, 1), pair(1, 1)))), pair(pair(pair(pair(1, 1), pair(1, 1)), pair(pair(1, 1), pair(1, 1))), pair(pair(pair(1, 1), pair(1, 1)), pair(pair(1, 1), pair(1, 1))))), pair(pair(pair(pair(pair(1, 1), pair(1, 1)), pair(pair(1, 1), pair(1, 1))), pair(pair(pair(1, 1), pair(1, 1)), pair(pair(1, 1), pair(1, 1)))), pair(pair(pair(pair(1, 1), pair(1, 1)), pair(pair(1, 1), pair(1, 1))), pair(pair(pair(1, 1), pair(1, 1)), pair(pair(1, 1), pair(1, 1))))))));

    @Override
    public Payload execute(Payload input, TaskContext context) {
        return Payload.text(String.valueOf(VALUE));
    }
}
