package io.colony.worker.internal;

import io.colony.api.worker.TaskFailedException;
import io.colony.api.worker.TaskFailedException.Reason;
import io.colony.api.worker.TaskListener;
import io.colony.api.worker.TaskRequest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.DoubleConsumer;
import java.util.function.Function;

/**
 * Runs a step of a manifest task (execute, split or reduce) once the manifest's bundles are live,
 * and releases them when the step is done, however it ends. Cancelling the returned future cancels
 * the deployment wait or the running step.
 */
final class ManifestRuns {

    private final ManifestPlugins manifests;

    ManifestRuns(ManifestPlugins manifests) {
        this.manifests = manifests;
    }

    /**
     * @param listener told of the setup when it is a {@link TaskListener}
     * @param step     runs the step for the request pinned to the deployed plugin
     */
    <T> CompletableFuture<T> run(TaskRequest request, DoubleConsumer listener, Function<TaskRequest, CompletableFuture<T>> step) {
        if (request.manifest() == null) {
            return step.apply(request);
        }
        TaskFuture<T> result = new TaskFuture<>();
        CompletableFuture<ManifestPlugins.Lease> leased = manifests.obtain(request);
        result.onCancel(() -> leased.cancel(false));
        leased.whenComplete((lease, failure) -> {
            if (failure != null) {
                result.completeExceptionally(unwrap(failure));
                return;
            }
            if (result.isDone()) {
                lease.close();
                return;
            }
            if (listener instanceof TaskListener taskListener) {
                taskListener.setUp(lease.setup());
            }
            CompletableFuture<T> running;
            try {
                running = step.apply(lease.request());
            } catch (RuntimeException e) {
                lease.close();
                result.completeExceptionally(e);
                return;
            }
            result.onCancel(() -> running.cancel(true));
            running.whenComplete((value, stepFailure) -> {
                lease.close();
                if (stepFailure != null) {
                    result.completeExceptionally(unwrap(stepFailure));
                } else {
                    result.complete(value);
                }
            });
        });
        return result;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause instanceof TaskFailedException ? cause
                : new TaskFailedException(Reason.SETUP_FAILED, "the manifest's bundles could not be made live: " + cause, cause);
    }
}
