package io.colony.plugins.stats.internal;

/**
 * The JSON shape of the plugin's input, of a workload and of each chunk:
 * {@code {"values": [1, 2.5, -3e2]}}.
 */
public record ValuesJson(double[] values) {
}
