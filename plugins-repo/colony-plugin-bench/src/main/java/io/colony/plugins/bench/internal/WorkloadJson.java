package io.colony.plugins.bench.internal;

/**
 * The JSON shape of the echo plugin's workload and of its reduced result,
 * {@code {"tasks": 100000, "bytes": 0}}. Boxed so that a missing field can be told from zero.
 */
public record WorkloadJson(Long tasks, Long bytes) {
}
