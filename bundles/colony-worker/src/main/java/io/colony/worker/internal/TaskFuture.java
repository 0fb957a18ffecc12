package io.colony.worker.internal;

import java.util.concurrent.CompletableFuture;

/**
 * The future a caller gets for a task: cancelling it stops the work behind it (a plain
 * {@link CompletableFuture} would only complete itself and leave the computation running).
 */
final class TaskFuture<T> extends CompletableFuture<T> {

    private volatile Runnable onCancel = () -> { };

    void onCancel(Runnable action) {
        onCancel = action;
        if (isCancelled()) {
            action.run();
        }
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        if (cancelled) {
            onCancel.run();
        }
        return cancelled;
    }

    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        return new CompletableFuture<>();
    }
}
