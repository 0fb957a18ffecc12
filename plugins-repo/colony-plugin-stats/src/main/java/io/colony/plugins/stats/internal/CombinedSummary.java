package io.colony.plugins.stats.internal;

/**
 * The result of a split job: the fields of {@link Summary} that can be combined exactly from the
 * chunk summaries. There is no median: the median of the whole cannot be computed from the
 * chunks' medians (or any fixed-size summary of them); run a single task to get it.
 */
public record CombinedSummary(long count, double sum, double mean, double variance, double standardDeviation,
        double min, double max) {
}
