package io.colony.worker.internal.hardware;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/** Reports the first failure of each reading and stays quiet about its repeats, which come every second. */
final class FailureLog {

    private final BiConsumer<String, Throwable> warn;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    FailureLog(BiConsumer<String, Throwable> warn) {
        this.warn = warn;
    }

    static FailureLog silent() {
        return new FailureLog((message, failure) -> { });
    }

    void once(String reading, String consequence, Throwable failure) {
        if (reported.add(reading)) {
            warn.accept("Hardware status: cannot read " + reading + " (" + failure + "); " + consequence
                    + " (reported once)", failure);
        }
    }
}
