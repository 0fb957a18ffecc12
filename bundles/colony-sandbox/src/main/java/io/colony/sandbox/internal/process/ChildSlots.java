package io.colony.sandbox.internal.process;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Bounds how many child JVMs work at once: a run or a preparation takes a slot for its child's lifetime, waiting a bounded time for one. */
final class ChildSlots {

    /** No slot came free in time. */
    static final class Busy extends Exception {

        private static final long serialVersionUID = 1L;

        Busy(String message) {
            super(message);
        }
    }

    private final int size;
    private final Semaphore free;

    ChildSlots(int size) {
        this.size = size;
        this.free = new Semaphore(size, true);
    }

    /**
     * @param what what waits, for the message: "the source task demo.Squares"
     * @throws Busy naming the setting when none came free within the wait
     */
    void acquire(Duration wait, String what) throws Busy, InterruptedException {
        if (!free.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new Busy("all " + size + " child JVMs of the sandbox are busy (process.children.max in etc/io.colony.sandbox.cfg) and none"
                    + " came free within " + wait.toMillis() + " ms, so " + what + " was refused; try again later");
        }
    }

    void release() {
        free.release();
    }

    int busy() {
        return size - free.availablePermits();
    }
}
