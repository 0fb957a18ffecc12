package io.colony.plugins.primes.internal;

/**
 * The JSON shape of a range, {@code {"from": 2, "to": 100}}: the input of a workload and of each
 * chunk. The fields are boxed so that a missing field can be told from zero.
 */
public record RangeJson(Long from, Long to) {
}
