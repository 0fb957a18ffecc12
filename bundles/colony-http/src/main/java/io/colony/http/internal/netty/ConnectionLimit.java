package io.colony.http.internal.netty;

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
        return open.getAndUpdate(current -> current >= max ? current : current + 1) < max;
    }

    void release() {
        open.decrementAndGet();
    }

    int max() {
        return max;
    }
}
