package io.colony.tracker.internal;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts open connections against a maximum. */
final class ConnectionLimit {

    private final int max;
    private final AtomicInteger open = new AtomicInteger();

    ConnectionLimit(int max) {
        this.max = max;
    }

    /** Takes a place, or returns false (taking none) when all are taken. */
    boolean tryAcquire() {
        while (true) {
            int current = open.get();
            if (current >= max) {
                return false;
            }
            if (open.compareAndSet(current, current + 1)) {
                return true;
            }
        }
    }

    void release() {
        open.decrementAndGet();
    }

    int max() {
        return max;
    }
}
