package io.colony.sandbox.internal.process;

import java.time.Duration;

/** Durations and sizes as messages show them: {@code 2 s}, {@code 1500 ms}, {@code 256 MiB}. */
final class Durations {

    private Durations() {
    }

    static String text(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    static String bytes(long bytes) {
        if (bytes % (1 << 20) == 0) {
            return (bytes >> 20) + " MiB";
        }
        return bytes % 1024 == 0 ? (bytes >> 10) + " KiB" : bytes + " bytes";
    }
}
