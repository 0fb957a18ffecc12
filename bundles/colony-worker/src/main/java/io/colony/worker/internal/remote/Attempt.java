package io.colony.worker.internal.remote;

import io.colony.transport.api.Peer;
import io.colony.transport.proto.TaskOutcome;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * One task attempt a node sent, from its acceptance to its answer. The first outcome wins (the
 * work's result, a cancellation, the node's loss, the worker stopping, the guard deadline);
 * whatever ends the attempt also cancels the work behind it, which interrupts a plugin and
 * destroys a command's processes.
 */
final class Attempt {

    private final Peer peer;
    private final TaskOrder order;
    private final ProgressReporter progress;
    private final LongSupplier nanoClock;
    private final BiConsumer<Attempt, TaskOutcome> onEnd;
    private final long acceptedNanos;
    private final CompletableFuture<TaskOutcome> outcome = new CompletableFuture<>();
    private volatile Future<?> work;
    private boolean decided;

    /**
     * @param onEnd called once the outcome is decided, after the work was cancelled and before the
     *     outcome is answered (so that the attempt no longer counts once its node hears of the end)
     */
    Attempt(Peer peer, TaskOrder order, LongSupplier nanoClock, BiConsumer<Attempt, TaskOutcome> onEnd) {
        this.peer = peer;
        this.order = order;
        this.nanoClock = nanoClock;
        this.onEnd = onEnd;
        this.acceptedNanos = nanoClock.getAsLong();
        this.progress = new ProgressReporter(peer, order.key(), nanoClock);
    }

    Peer peer() {
        return peer;
    }

    TaskOrder order() {
        return order;
    }

    AttemptKey key() {
        return order.key();
    }

    ProgressReporter progress() {
        return progress;
    }

    /** The answer to the RunTask; completes exactly once. */
    CompletableFuture<TaskOutcome> outcome() {
        return outcome;
    }

    /** True once the outcome is decided (it may be on its way). */
    synchronized boolean hasEnded() {
        return decided;
    }

    /**
     * The work runs as this future: its result becomes the outcome through {@code success}, its
     * failure a FAILED or REFUSED outcome. When the attempt has ended already, the work is cancelled.
     */
    <T> void runs(CompletableFuture<T> future, Function<T, TaskOutcome.Builder> success) {
        work = future;
        if (hasEnded()) {
            future.cancel(true);
            return;
        }
        future.whenComplete((value, failure) -> {
            if (failure != null) {
                end(Outcomes.failure(failure));
                return;
            }
            TaskOutcome.Builder answer;
            try {
                answer = success.apply(value);
            } catch (RuntimeException e) {
                end(Outcomes.failed("the worker could not answer with the result: " + e));
                return;
            }
            if (decide()) {
                progress.ended();
                complete(answer);
            }
        });
    }

    /**
     * Ends the attempt with an outcome other than success (failed, killed, refused), unless it has
     * ended already.
     *
     * @return whether this call ended it
     */
    boolean end(TaskOutcome.Builder answer) {
        if (!decide()) {
            return false;
        }
        progress.ended();
        complete(answer);
        return true;
    }

    /** The first caller decides the outcome; the others find it decided. */
    private synchronized boolean decide() {
        if (decided) {
            return false;
        }
        decided = true;
        return true;
    }

    /** After the outcome was decided: stops the work (a no-op when it ended by itself), then answers. */
    private void complete(TaskOutcome.Builder answer) {
        long elapsedNanos = Math.max(0, nanoClock.getAsLong() - acceptedNanos);
        TaskOutcome decided = answer.setElapsedMillis(TimeUnit.NANOSECONDS.toMillis(elapsedNanos)).build();
        try {
            Future<?> running = work;
            if (running != null) {
                running.cancel(true);
            }
            onEnd.accept(this, decided);
        } finally {
            outcome.complete(decided);
        }
    }
}
