package io.colony.plugins.stats.internal;

import io.colony.api.plugin.PluginException;
import io.colony.api.plugin.TaskContext;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.AggregateSummaryStatistics;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.apache.commons.math3.stat.descriptive.StatisticalSummary;
import org.apache.commons.math3.stat.descriptive.StatisticalSummaryValues;

/** The arithmetic, by Apache Commons Math: a task's summary and the combination of chunk summaries. */
final class Statistics {

    /** Values added between two cancellation checks and progress reports. */
    static final int BLOCK = 1 << 16;

    private Statistics() {
    }

    /**
     * Summarises the values with {@link DescriptiveStatistics}; reports progress and checks for
     * cancellation once per {@value #BLOCK} values.
     *
     * @throws PluginException when a result does not fit in a double (values too large in magnitude)
     * @throws java.util.concurrent.CancellationException when the context reports cancellation
     */
    static Summary summarise(Values values, TaskContext context) throws PluginException {
        int count = values.count();
        DescriptiveStatistics statistics = new DescriptiveStatistics();
        for (int from = 0; from < count; from += BLOCK) {
            context.checkCancelled();
            int to = Math.min(count, from + BLOCK);
            for (int index = from; index < to; index++) {
                statistics.addValue(values.get(index));
            }
            context.progress(to, count);
        }
        Summary summary = new Summary(statistics.getN(), statistics.getSum(), statistics.getMean(),
                statistics.getVariance(), statistics.getStandardDeviation(), statistics.getMin(),
                statistics.getMax(), statistics.getPercentile(50));
        requireFinite(summary.sum(), summary.mean(), summary.variance());
        return summary;
    }

    /**
     * Combines chunk summaries with {@link AggregateSummaryStatistics}: the count, sum, mean,
     * variance, standard deviation, min and max of all the chunks' values together.
     */
    static CombinedSummary combine(List<Summary> chunks) throws PluginException {
        List<StatisticalSummary> summaries = new ArrayList<>(chunks.size());
        for (Summary chunk : chunks) {
            summaries.add(new StatisticalSummaryValues(chunk.mean(), chunk.variance(), chunk.count(), chunk.max(),
                    chunk.min(), chunk.sum()));
        }
        StatisticalSummaryValues all = AggregateSummaryStatistics.aggregate(summaries);
        CombinedSummary combined = new CombinedSummary(all.getN(), all.getSum(), all.getMean(), all.getVariance(),
                all.getStandardDeviation(), all.getMin(), all.getMax());
        requireFinite(combined.sum(), combined.mean(), combined.variance());
        return combined;
    }

    private static void requireFinite(double sum, double mean, double variance) throws PluginException {
        if (!Double.isFinite(sum) || !Double.isFinite(mean) || !Double.isFinite(variance)) {
            throw new PluginException("values: too large in magnitude to summarise in double precision (sum " + sum
                    + ", variance " + variance + ")");
        }
    }
}
