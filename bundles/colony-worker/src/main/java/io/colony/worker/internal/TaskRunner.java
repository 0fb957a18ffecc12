package io.colony.worker.internal;

import io.colony.api.job.JobSpec;
import io.colony.api.plugin.JsonCodec;
import io.colony.api.plugin.Payload;
import io.colony.api.plugin.PluginException;
import io.colony.api.plugin.Reducer;
import io.colony.api.plugin.Splitter;
import io.colony.api.worker.LocalExecutor;
import io.colony.api.worker.TaskFailedException;
import io.colony.api.worker.TaskFailedException.Reason;
import io.colony.api.worker.TaskRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleConsumer;
import org.osgi.service.log.Logger;

/**
 * Runs plugin code on a bounded pool: {@code slots} threads, a queue of {@code queueCapacity}
 * tasks, beyond which a task is rejected rather than queued without bound. Every piece of plugin
 * code (execute, split, reduce) runs there under the request's timeout and can be cancelled.
 */
final class TaskRunner implements LocalExecutor, AutoCloseable {

    static final int MAX_CHUNKS = 10_000;
    private static final long SHUTDOWN_WAIT_SECONDS = 5;

    private final PluginLookup plugins;
    private final JsonCodec json;
    private final Logger log;
    private final int queueCapacity;
    private final ThreadPoolExecutor pool;
    private final ScheduledThreadPoolExecutor timer;
    private final Set<RunningTask<?>> active = ConcurrentHashMap.newKeySet();
    private final AtomicLong taskIds = new AtomicLong();

    TaskRunner(WorkerSettings settings, PluginLookup plugins, JsonCodec json, Logger log) {
        this.plugins = plugins;
        this.json = json;
        this.log = log;
        this.queueCapacity = settings.queueCapacity();
        this.pool = new ThreadPoolExecutor(settings.slots(), settings.slots(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(settings.queueCapacity()), threads("colony-task-"), new ThreadPoolExecutor.AbortPolicy());
        this.timer = new ScheduledThreadPoolExecutor(1, threads("colony-task-timer-"));
        this.timer.setRemoveOnCancelPolicy(true);
    }

    @Override
    public CompletableFuture<Payload> run(TaskRequest request, DoubleConsumer progress) {
        try {
            RegisteredPlugin plugin = find(request);
            return submit(plugin.label(), context -> plugin.plugin().execute(request.input(), context), request.timeout(), progress);
        } catch (TaskFailedException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<Payload> runSplit(TaskRequest request, int chunks, DoubleConsumer progress) {
        if (chunks < 1 || chunks > MAX_CHUNKS) {
            throw new IllegalArgumentException("chunks: must be between 1 and " + MAX_CHUNKS + ", was " + chunks);
        }
        RegisteredPlugin plugin;
        try {
            plugin = find(request);
        } catch (TaskFailedException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (!plugin.splittable() || chunks == 1) {
            return run(request, progress);
        }
        return new SplitRun(plugin, request, chunks, progress).start();
    }

    /**
     * {@inheritDoc}
     *
     * <p>Takes as many chunks as a job may have ({@link JobSpec#MAX_CHUNKS}): the manager asks its
     * workers to split a job's workload. A splitter that returns no chunks, more than asked for, or a
     * missing chunk fails the split as a plugin error.
     *
     * @throws IllegalArgumentException when {@code chunks} is not between 1 and {@link JobSpec#MAX_CHUNKS}
     */
    @Override
    public CompletableFuture<List<Payload>> split(TaskRequest request, int chunks) {
        if (chunks < 1 || chunks > JobSpec.MAX_CHUNKS) {
            throw new IllegalArgumentException("chunks: must be between 1 and " + JobSpec.MAX_CHUNKS + ", was " + chunks);
        }
        try {
            RegisteredPlugin plugin = find(request);
            if (!(plugin.plugin() instanceof Splitter splitter)) {
                throw new TaskFailedException(Reason.PLUGIN_ERROR, "plugin " + plugin.label() + " cannot split a workload");
            }
            return submit(plugin.label() + " split", context -> checkedChunks(plugin, splitter.split(request.input(), chunks, json), chunks),
                    request.timeout(), fraction -> { });
        } catch (TaskFailedException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<Payload> reduce(TaskRequest request, List<Payload> results) {
        try {
            RegisteredPlugin plugin = find(request);
            if (!(plugin.plugin() instanceof Reducer reducer)) {
                throw new TaskFailedException(Reason.PLUGIN_ERROR, "plugin " + plugin.label() + " cannot reduce results");
            }
            List<Payload> parts = List.copyOf(results);
            return submit(plugin.label() + " reduce", context -> reducer.reduce(request.input(), parts, json),
                    request.timeout(), fraction -> { });
        } catch (TaskFailedException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The splitter's chunks, or a plugin error (thrown as such, so that the task fails with this message) saying what is wrong. */
    private static List<Payload> checkedChunks(RegisteredPlugin plugin, List<Payload> parts, int chunks) throws PluginException {
        String splitter = "the splitter of " + plugin.label();
        if (parts == null || parts.isEmpty()) {
            throw new PluginException(splitter + " returned no chunks");
        }
        if (parts.size() > chunks) {
            throw new PluginException(splitter + " returned " + parts.size() + " chunks, more than the " + chunks + " asked for");
        }
        for (int index = 0; index < parts.size(); index++) {
            if (parts.get(index) == null) {
                throw new PluginException(splitter + " returned no payload for chunk " + (index + 1) + " of " + parts.size());
            }
        }
        return List.copyOf(parts);
    }

    @Override
    public int slots() {
        return pool.getMaximumPoolSize();
    }

    private RegisteredPlugin find(TaskRequest request) {
        try {
            return plugins.lookup(request.plugin(), request.versionRange()).orElseThrow(() -> new TaskFailedException(
                    Reason.UNKNOWN_PLUGIN, "no plugin '" + request.plugin() + "'"
                            + (request.versionRange() == null ? "" : " in version range " + request.versionRange())
                            + " on this node; it has: " + plugins.available()));
        } catch (IllegalArgumentException e) {
            throw new TaskFailedException(Reason.UNKNOWN_PLUGIN, e.getMessage(), e);
        }
    }

    /** Runs plugin code on the pool; the future fails with a {@link TaskFailedException} saying why. */
    <T> TaskFuture<T> submit(String description, RunningTask.Body<T> body, Duration timeout, DoubleConsumer progress) {
        String id = "t-" + taskIds.incrementAndGet();
        RunningTask<T> task = new RunningTask<>(id, description, body, progress, json, log);
        TaskFuture<T> result = task.result();
        active.add(task);
        try {
            task.startedAs(pool.submit(task));
        } catch (RejectedExecutionException e) {
            task.abort(Reason.REJECTED, pool.isShutdown() ? "the worker is stopping"
                    : "the worker is full: " + pool.getActiveCount() + " tasks running and " + queueCapacity + " waiting");
        }
        ScheduledFuture<?> deadline = result.isDone() ? null : timer.schedule(
                () -> task.abort(Reason.TIMEOUT, "task " + id + " (" + description + ") ran longer than its timeout of " + format(timeout)),
                timeout.toNanos(), TimeUnit.NANOSECONDS);
        result.whenComplete((value, failure) -> {
            active.remove(task);
            if (deadline != null) {
                deadline.cancel(false);
            }
        });
        return result;
    }

    /** Tasks started or waiting. */
    int activeTasks() {
        return active.size();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        abortActive();
        pool.shutdownNow();
        abortActive();
        try {
            if (!pool.awaitTermination(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS)) {
                log.warn("Tasks still running {} s after the worker stopped; their threads are left to finish", SHUTDOWN_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Fails every task that has not ended, before the pool's interrupts could make them look
     * cancelled, and again after the pool dropped its queue, so that no caller waits forever.
     */
    private void abortActive() {
        active.forEach(task -> task.abort(Reason.REJECTED, "the worker is stopping"));
    }

    static String format(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory defaults = Executors.defaultThreadFactory();
        return runnable -> {
            Thread thread = defaults.newThread(runnable);
            thread.setName(prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * A workload cut by the plugin's splitter, its chunks run in parallel, their results reduced.
     * The first chunk that fails fails the whole run and cancels the others.
     */
    private final class SplitRun {

        private final RegisteredPlugin plugin;
        private final TaskRequest request;
        private final int requestedChunks;
        private final DoubleConsumer progress;
        private final TaskFuture<Payload> result = new TaskFuture<>();
        private final List<CompletableFuture<?>> steps = new ArrayList<>();
        private volatile double[] chunkProgress = new double[0];

        SplitRun(RegisteredPlugin plugin, TaskRequest request, int requestedChunks, DoubleConsumer progress) {
            this.plugin = plugin;
            this.request = request;
            this.requestedChunks = requestedChunks;
            this.progress = progress;
        }

        TaskFuture<Payload> start() {
            result.onCancel(this::cancelSteps);
            Splitter splitter = (Splitter) plugin.plugin();
            track(submit(plugin.label() + " split", context -> splitter.split(request.input(), requestedChunks, json), request.timeout(), fraction -> { }))
                    .whenComplete((chunks, failure) -> {
                        if (failure != null) {
                            fail("split", failure);
                        } else if (chunks.isEmpty()) {
                            fail("split", new TaskFailedException(Reason.PLUGIN_ERROR, "the splitter returned no chunks"));
                        } else {
                            runChunks(chunks);
                        }
                    });
            return result;
        }

        private void runChunks(List<Payload> chunks) {
            int count = chunks.size();
            chunkProgress = new double[count];
            List<CompletableFuture<Payload>> results = new ArrayList<>(count);
            for (int index = 0; index < count && !result.isDone(); index++) {
                int chunk = index;
                CompletableFuture<Payload> chunkResult = track(submit(plugin.label() + " chunk " + (chunk + 1) + "/" + count,
                        context -> plugin.plugin().execute(chunks.get(chunk), context), request.timeout(),
                        fraction -> chunkProgressed(chunk, fraction)));
                chunkResult.whenComplete((value, failure) -> {
                    if (failure != null) {
                        fail("chunk " + (chunk + 1) + " of " + count, failure);
                    }
                });
                results.add(chunkResult);
            }
            CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).thenRun(() -> reduce(results.stream().map(CompletableFuture::join).toList()));
        }

        private void reduce(List<Payload> chunkResults) {
            Reducer reducer = (Reducer) plugin.plugin();
            track(submit(plugin.label() + " reduce", context -> reducer.reduce(request.input(), chunkResults, json), request.timeout(), fraction -> { }))
                    .whenComplete((reduced, failure) -> {
                        if (failure != null) {
                            fail("reduce", failure);
                        } else if (!result.isDone()) {
                            progress.accept(1.0);
                            result.complete(reduced);
                        }
                    });
        }

        private synchronized void chunkProgressed(int chunk, double fraction) {
            double[] fractions = chunkProgress;
            fractions[chunk] = fraction;
            double sum = 0;
            for (double each : fractions) {
                sum += each;
            }
            progress.accept(sum / fractions.length);
        }

        private <T> CompletableFuture<T> track(CompletableFuture<T> step) {
            synchronized (steps) {
                steps.add(step);
            }
            if (result.isDone()) {
                step.cancel(true);
            }
            return step;
        }

        private void fail(String step, Throwable failure) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            TaskFailedException failed = cause instanceof TaskFailedException taskFailure
                    ? new TaskFailedException(taskFailure.reason(), step + ": " + taskFailure.getMessage(), taskFailure)
                    : new TaskFailedException(Reason.CANCELLED, step + ": cancelled", cause);
            if (result.completeExceptionally(failed)) {
                cancelSteps();
            }
        }

        /** Cancels the newest steps first, so that a slot freed by a running chunk never picks up a waiting one. */
        private void cancelSteps() {
            List<CompletableFuture<?>> running;
            synchronized (steps) {
                running = List.copyOf(steps);
            }
            for (int index = running.size() - 1; index >= 0; index--) {
                running.get(index).cancel(true);
            }
        }
    }
}
