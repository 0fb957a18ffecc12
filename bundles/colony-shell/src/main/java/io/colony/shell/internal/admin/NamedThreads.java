package io.colony.shell.internal.admin;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Daemon threads with names that say what they do, so that a thread dump explains itself. */
final class NamedThreads {

    private NamedThreads() {
    }

    static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    /** A factory naming its threads {@code prefix-1}, {@code prefix-2}, ... */
    static ThreadFactory numbered(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return task -> daemon(task, prefix + "-" + counter.incrementAndGet());
    }
}
