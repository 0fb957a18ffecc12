package io.colony.api.worker;

import io.colony.api.plugin.Payload;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.DoubleConsumer;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Runs plugins on this node's worker, on its bounded task pool. Used by the shell's
 * {@code colony:run} and by the manager when it places a task on the local worker.
 */
@ProviderType
public interface LocalExecutor {

    /**
     * Runs one task. The future completes with the plugin's result, or exceptionally with a
     * {@link TaskFailedException} saying why; cancelling the future cancels the task.
     *
     * @param request what to run
     * @param progress receives progress fractions from 0 to 1 (from a pool thread), may be a no-op; when it is a
     *     {@link TaskListener}, it is also told how a manifest's bundles were made live before the plugin runs
     */
    CompletableFuture<Payload> run(TaskRequest request, DoubleConsumer progress);

    /**
     * Splits a workload with the plugin's splitter, runs the chunks in parallel and reduces their
     * results; for a plugin without a splitter it runs the workload as one task.
     *
     * @param chunks how many chunks to ask the splitter for
     * @param progress receives the overall progress from 0 to 1
     */
    CompletableFuture<Payload> runSplit(TaskRequest request, int chunks, DoubleConsumer progress);

    /**
     * Cuts a workload into chunks with the plugin's splitter, on the task pool; the manager runs the
     * chunks as separate tasks.
     *
     * @param request the plugin and the whole workload as its input
     * @param chunks how many chunks to ask for (at least 1)
     * @return the chunks; fails with a {@link TaskFailedException} when the plugin has no splitter or
     *     the splitter refuses the workload
     */
    CompletableFuture<List<Payload>> split(TaskRequest request, int chunks);

    /**
     * Combines chunk results with the plugin's reducer, on the task pool.
     *
     * @param request the plugin and the whole workload as its input
     * @param results one result per chunk, in the splitter's order
     */
    CompletableFuture<Payload> reduce(TaskRequest request, List<Payload> results);

    /** How many tasks this worker runs at once. */
    int slots();
}
