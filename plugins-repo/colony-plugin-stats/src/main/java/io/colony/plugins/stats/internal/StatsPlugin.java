package io.colony.plugins.stats.internal;

import io.colony.api.plugin.ColonyPlugin;
import io.colony.api.plugin.JsonCodec;
import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.PluginException;
import io.colony.api.plugin.Reducer;
import io.colony.api.plugin.Splitter;
import io.colony.api.plugin.TaskContext;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * Descriptive statistics of a list of numbers, computed with Apache Commons Math
 * ({@code org.apache.commons.math3.stat.descriptive}), whose bundle this one imports: a node needs
 * the {@code org.apache.commons.math3} 3.x bundle beside it (a manifest job resolves it from the
 * plugin's POM).
 *
 * <p>Input: a JSON object {@code {"values": [2, 4, 4, 4, 5, 5, 7, 9]}}, at least one number, every
 * one finite. A task answers
 * <pre>
 * {"count": 8, "sum": 40.0, "mean": 5.0, "variance": 4.571428571428571,
 *  "standardDeviation": 2.138089935299395, "min": 2.0, "max": 9.0, "median": 4.5}
 * </pre>
 * The variance and standard deviation are the sample ones ({@code n - 1} in the denominator, 0 for
 * a single value); the median is the 50th percentile (the mean of the two middle values when the
 * count is even).
 *
 * <p>As a split job, the list is cut into up to {@code chunks} contiguous slices (fewer when there
 * are fewer values than chunks), each slice is summarised by one task, and the reducer combines
 * the slice summaries exactly (up to rounding) into {@code count, sum, mean, variance,
 * standardDeviation, min, max}. <b>A split job's result has no median</b>: the median of the whole
 * cannot be obtained from the slices' summaries; submit a single task when the median is needed.
 */
@Component(service = {Plugin.class, Splitter.class, Reducer.class})
@ColonyPlugin(name = "stats", version = "1.0.0",
        description = "Count, mean, standard deviation, min, max and median of {\"values\": [...]} (Apache Commons Math)")
public final class StatsPlugin implements Plugin, Splitter, Reducer {

    @Override
    public Payload execute(Payload input, TaskContext context) throws PluginException {
        JsonCodec json = context.json();
        return json.encode(Statistics.summarise(Values.decode(input, json), context));
    }

    @Override
    public List<Payload> split(Payload workload, int chunks, JsonCodec json) throws PluginException {
        List<Payload> payloads = new ArrayList<>();
        for (ValuesJson slice : Values.decode(workload, json).split(chunks)) {
            payloads.add(json.encode(slice));
        }
        return payloads;
    }

    @Override
    public Payload reduce(Payload workload, List<Payload> results, JsonCodec json) throws PluginException {
        int expected = Values.decode(workload, json).count();
        if (results.isEmpty()) {
            throw new PluginException("results: no chunk results to combine");
        }
        List<Summary> summaries = new ArrayList<>(results.size());
        long total = 0;
        for (int index = 0; index < results.size(); index++) {
            Summary summary = decodeSummary(results.get(index), "results[" + index + "]", json);
            summaries.add(summary);
            total += summary.count();
        }
        if (total != expected) {
            throw new PluginException("results: the chunks summarise " + total + " values but the workload holds "
                    + expected);
        }
        return json.encode(Statistics.combine(summaries));
    }

    private static Summary decodeSummary(Payload result, String field, JsonCodec json) throws PluginException {
        Summary summary;
        try {
            summary = json.decode(result, Summary.class);
        } catch (PluginException e) {
            throw new PluginException(field + ": " + e.getMessage(), e);
        }
        if (summary == null) {
            throw new PluginException(field + ": is null");
        }
        if (summary.count() < 1) {
            throw new PluginException(field + ".count: must be >= 1, got " + summary.count());
        }
        if (!(summary.variance() >= 0) || !Double.isFinite(summary.variance())) {
            throw new PluginException(field + ".variance: must be a finite number >= 0, got " + summary.variance());
        }
        if (!(summary.min() <= summary.max())) {
            throw new PluginException(field + ".min: must be <= max (min=" + summary.min() + ", max=" + summary.max()
                    + ")");
        }
        if (!Double.isFinite(summary.sum()) || !Double.isFinite(summary.mean())) {
            throw new PluginException(field + ": sum and mean must be finite (sum=" + summary.sum() + ", mean="
                    + summary.mean() + ")");
        }
        return summary;
    }
}
