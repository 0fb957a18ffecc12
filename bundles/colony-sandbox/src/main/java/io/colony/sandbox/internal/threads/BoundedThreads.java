package io.colony.sandbox.internal.threads;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs tasks each on a fresh thread of its own, at most {@code parallelism} at once. A task that overran and
 * cannot be stopped (javac, or a JDK call without a guard inside) is {@linkplain Job#abandon() abandoned}: its
 * thread runs on until the task returns, counted, and while {@code maxAbandoned} are, new tasks are refused.
 * So there are never more than {@code 2 * parallelism + maxAbandoned} threads (the running ones may all be
 * abandoned after the last admission).
 */
public final class BoundedThreads {

    /** Makes the (not yet started) thread that runs one task. */
    @FunctionalInterface
    public interface ThreadMaker {
        Thread newThread(Runnable body, String name);
    }

    private final String name;
    private final int parallelism;
    private final int maxAbandoned;
    private final Duration admissionWait;
    private final ThreadMaker maker;
    private final Semaphore running;
    private final AtomicInteger abandoned = new AtomicInteger();
    private final AtomicLong started = new AtomicLong();
    private volatile boolean closed;

    /**
     * @param name names the threads and appears in refusals ({@code "source compiler"})
     * @param admissionWait how long {@link #start} waits for one of the {@code parallelism} places
     */
    public BoundedThreads(String name, int parallelism, int maxAbandoned, Duration admissionWait, ThreadMaker maker) {
        if (parallelism < 1 || maxAbandoned < 1) {
            throw new IllegalArgumentException(name + ": parallelism and maxAbandoned must be positive");
        }
        this.name = name;
        this.parallelism = parallelism;
        this.maxAbandoned = maxAbandoned;
        this.admissionWait = admissionWait;
        this.maker = maker;
        this.running = new Semaphore(parallelism);
    }

    /**
     * Starts a task on a new thread.
     *
     * @throws BusyException when too many abandoned tasks still run, or no place came free within the admission wait
     * @throws InterruptedException when the caller was interrupted while waiting for a place
     */
    public <T> Job<T> start(Callable<T> task) throws BusyException, InterruptedException {
        if (closed) {
            throw new BusyException(BusyException.Cause.CLOSED, "the " + name + " is shut down");
        }
        int stuck = abandoned.get();
        if (stuck >= maxAbandoned) {
            throw new BusyException(BusyException.Cause.TOO_MANY_ABANDONED, "the " + name + " refuses new work: " + stuck + " earlier "
                    + (stuck == 1 ? "task is" : "tasks are") + " still running past " + (stuck == 1 ? "its" : "their")
                    + " limit and could not be stopped (they end only when the call they are stuck in returns)");
        }
        if (!running.tryAcquire(admissionWait.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new BusyException(BusyException.Cause.ALL_PLACES_TAKEN, "the " + name + " is busy: all " + parallelism + " places were taken for "
                    + admissionWait.toMillis() + " ms");
        }
        Job<T> job = new Job<>(task);
        try {
            Thread thread = maker.newThread(job::execute, name + "-" + started.incrementAndGet());
            job.thread = thread;
            thread.start();
        } catch (RuntimeException | Error e) {
            running.release();
            throw e;
        }
        return job;
    }

    /** How many abandoned tasks still run. */
    public int abandoned() {
        return abandoned.get();
    }

    /** How many tasks run and are not abandoned. */
    public int running() {
        return parallelism - running.availablePermits();
    }

    /** Refuses new tasks; running ones are left to their owners, who stop them. */
    public void close() {
        closed = true;
    }

    /** One task on its thread. */
    public final class Job<T> {

        private final Callable<T> task;
        private final CountDownLatch done = new CountDownLatch(1);
        private Thread thread;
        private T result;
        private Throwable failure;
        private boolean finished;
        private boolean isAbandoned;

        private Job(Callable<T> task) {
            this.task = task;
        }

        private void execute() {
            try {
                result = task.call();
            } catch (Throwable e) {
                failure = e;
            } finally {
                ended();
            }
        }

        private void ended() {
            boolean wasAbandoned;
            synchronized (this) {
                finished = true;
                wasAbandoned = isAbandoned;
            }
            if (wasAbandoned) {
                abandoned.decrementAndGet();
            } else {
                running.release();
            }
            done.countDown();
        }

        /** @return true when the task has ended within the wait */
        public boolean await(Duration wait) throws InterruptedException {
            return done.await(wait.toNanos(), TimeUnit.NANOSECONDS);
        }

        public boolean isDone() {
            return done.getCount() == 0;
        }

        /**
         * The task's result, once it has ended.
         *
         * @throws ExecutionException wrapping what the task threw
         * @throws IllegalStateException when the task has not ended
         */
        public T result() throws ExecutionException {
            if (!isDone()) {
                throw new IllegalStateException("the task has not ended");
            }
            if (failure != null) {
                throw new ExecutionException(failure);
            }
            return result;
        }

        public Thread thread() {
            return thread;
        }

        /**
         * Gives up on a task that does not end: its place is freed for another and it is counted as abandoned
         * until it ends. Does nothing when it has ended.
         *
         * @return true when it was abandoned now
         */
        public boolean abandon() {
            synchronized (this) {
                if (finished || isAbandoned) {
                    return false;
                }
                isAbandoned = true;
            }
            abandoned.incrementAndGet();
            running.release();
            return true;
        }
    }
}
