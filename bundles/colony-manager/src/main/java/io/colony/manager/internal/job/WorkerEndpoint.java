package io.colony.manager.internal.job;

import io.colony.api.job.Work.PluginWork;
import io.colony.api.plugin.Payload;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.DoubleConsumer;

/**
 * How the manager reaches one worker: its own node's, in process, or another node's, over the transport.
 * Futures never fail: every way an attempt can end is an {@link Outcome}.
 */
interface WorkerEndpoint {

    String workerId();

    /** Whether the worker can still be reached; a lost one gets no more tasks, even before its loss is reported. */
    default boolean isConnected() {
        return true;
    }

    /**
     * Runs an attempt.
     *
     * @param progress receives the attempt's progress from 0 to 1; its first call (with 0) says the worker
     *     started it
     */
    CompletableFuture<Outcome> execute(Attempt attempt, DoubleConsumer progress);

    /** Asks the worker to stop an attempt; its {@link #execute} future then completes KILLED. */
    void cancel(Attempt attempt, String reason);

    /** Cuts a workload with the plugin's splitter; the outcome's parts are the chunks. */
    CompletableFuture<PhaseOutcome<List<Payload>>> split(String jobId, PluginWork plugin, Payload workload, int chunks, Duration timeout);

    /** Combines chunk results with the plugin's reducer. */
    CompletableFuture<PhaseOutcome<Payload>> reduce(String jobId, PluginWork plugin, Payload workload, List<Payload> parts,
            Duration timeout);

    /**
     * The result of a split or reduce: a value, or why there is none and whether another worker could do better.
     */
    record PhaseOutcome<T>(T value, Outcome.Kind failure, String error) {

        static <T> PhaseOutcome<T> of(T value) {
            return new PhaseOutcome<>(value, null, null);
        }

        static <T> PhaseOutcome<T> failed(Outcome.Kind kind, String error) {
            return new PhaseOutcome<>(null, kind, error);
        }

        boolean succeeded() {
            return failure == null;
        }
    }
}
