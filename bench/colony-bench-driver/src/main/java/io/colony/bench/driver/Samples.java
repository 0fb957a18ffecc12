package io.colony.bench.driver;

import java.util.Arrays;

/** Latency samples in nanoseconds, and their percentiles in microseconds. */
final class Samples {

    private final long[] nanos;
    private int count;

    Samples(int capacity) {
        this.nanos = new long[capacity];
    }

    void add(long sampleNanos) {
        nanos[count++] = sampleNanos;
    }

    int count() {
        return count;
    }

    /** The nearest-rank percentile, in microseconds; {@code NaN} without samples. */
    double percentileMicros(double percent) {
        if (percent <= 0 || percent > 100) {
            throw new IllegalArgumentException("percent: must be in (0, 100], was " + percent);
        }
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent * count / 100 - 1e-9); // 99.9 / 100 * 1000 is 999.0000000000001
        return sorted[Math.max(0, rank - 1)] / 1000.0;
    }

    double meanMicros() {
        return count == 0 ? Double.NaN : Arrays.stream(nanos, 0, count).average().orElseThrow() / 1000.0;
    }
}
