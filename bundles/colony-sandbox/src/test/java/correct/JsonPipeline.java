package correct;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.PluginException;
import io.colony.api.plugin.TaskContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plugin API: a JSON input decoded with context.json(), progress reported per item, log lines, cancellation checked,
 * a JSON result encoded with context.json().
 */
public class JsonPipeline implements Plugin {

    record Summary(String label, int count, double sum, double mean, List<Double> scaled) {
    }

    @Override
    public Payload execute(Payload input, TaskContext context) throws PluginException {
        if (!input.isJson()) {
            throw new PluginException("the input must be JSON, was " + input.contentType());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> request = context.json().decode(input, Map.class);
        String label = String.valueOf(request.get("label"));
        double scale = ((Number) request.get("scale")).doubleValue();
        List<?> numbers = (List<?>) request.get("numbers");
        System.Logger logger = context.logger();
        logger.log(System.Logger.Level.INFO, "summing {0} numbers for {1}", numbers.size(), label);
        double sum = 0;
        List<Double> scaled = new ArrayList<>();
        for (int i = 0; i < numbers.size(); i++) {
            context.checkCancelled();
            double value = ((Number) numbers.get(i)).doubleValue();
            sum += value;
            scaled.add(value * scale);
            context.progress(i + 1, numbers.size());
        }
        logger.log(System.Logger.Level.INFO, "done with " + label);
        if (numbers.isEmpty()) {
            logger.log(System.Logger.Level.WARNING, () -> "no numbers for " + label);
        }
        Summary summary = new Summary(label, numbers.size(), sum, numbers.isEmpty() ? 0 : sum / numbers.size(), scaled);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("summary", summary);
        result.put("task", context.taskId().isEmpty() ? "unnamed" : "named");
        result.put("flags", Map.of("empty", numbers.isEmpty(), "cancelled", context.isCancelled()));
        return context.json().encode(result);
    }
}
