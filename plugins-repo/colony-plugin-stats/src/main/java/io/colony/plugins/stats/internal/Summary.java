package io.colony.plugins.stats.internal;

/**
 * The result of a task: {@code count} values, their {@code sum}, {@code mean}, sample
 * {@code variance} and {@code standardDeviation} (with {@code n - 1} in the denominator; 0 for a
 * single value), {@code min}, {@code max} and {@code median}. {@code sum} and {@code variance} are
 * there so that chunk results can be combined exactly.
 */
public record Summary(long count, double sum, double mean, double variance, double standardDeviation,
        double min, double max, double median) {
}
