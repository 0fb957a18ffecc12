package io.colony.discovery.internal.peers;

import java.time.Duration;
import java.util.Objects;

/** Delays between reconnection attempts: doubling from {@code min} after each failure, capped at {@code max}. */
public record Backoff(Duration min, Duration max) {

    public Backoff {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < min <= max, got " + min + ".." + max);
        }
    }

    /** The delay after the given number of consecutive failures (1 = the first). */
    public Duration delayAfter(int failures) {
        int doublings = Math.max(0, Math.min(failures - 1, 30));
        long millis = min.toMillis() << doublings;
        return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
    }
}
