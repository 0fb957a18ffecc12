package io.colony.worker.internal;

import io.colony.api.plugin.JsonCodec;
import io.colony.api.plugin.PluginException;
import io.colony.api.plugin.TaskContext;
import io.colony.api.worker.TaskFailedException;
import io.colony.api.worker.TaskFailedException.Reason;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleConsumer;
import org.osgi.service.log.Logger;

/**
 * One piece of plugin code running on the task pool (a plugin's execute, split or reduce) and the
 * context it sees. The first outcome wins: a result, a failure, a timeout or a cancellation;
 * whichever comes later finds the future done and changes nothing.
 */
final class RunningTask<T> implements TaskContext, Runnable {

    /** The work itself: plugin code that gets this task's context. */
    @FunctionalInterface
    interface Body<T> {
        T run(TaskContext context) throws Exception;
    }

    static final long PROGRESS_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final String id;
    private final String description;
    private final Body<T> body;
    private final DoubleConsumer progressListener;
    private final JsonCodec json;
    private final Logger nodeLog;
    private final TaskLogger taskLogger;
    private final TaskFuture<T> result = new TaskFuture<>();

    private volatile boolean cancelled;
    private volatile Future<?> execution;
    private long lastProgressNanos = System.nanoTime() - PROGRESS_INTERVAL_NANOS;

    RunningTask(String id, String description, Body<T> body, DoubleConsumer progressListener, JsonCodec json, Logger nodeLog) {
        this.id = id;
        this.description = description;
        this.body = body;
        this.progressListener = progressListener;
        this.json = json;
        this.nodeLog = nodeLog;
        this.taskLogger = new TaskLogger(id, description, nodeLog);
        result.onCancel(this::stop);
    }

    TaskFuture<T> result() {
        return result;
    }

    String description() {
        return description;
    }

    void startedAs(Future<?> execution) {
        this.execution = execution;
        if (result.isDone()) {
            execution.cancel(true);
        }
    }

    @Override
    public void run() {
        if (result.isDone()) {
            return;
        }
        try {
            T value = body.run(this);
            if (value == null) {
                fail(Reason.PLUGIN_ERROR, description + " returned no result", null);
            } else if (!result.isDone()) {
                forwardProgress(1.0);
                result.complete(value);
            }
        } catch (PluginException e) {
            fail(Reason.PLUGIN_ERROR, e.getMessage(), e);
        } catch (InterruptedException | CancellationException e) {
            fail(Reason.CANCELLED, "task " + id + " was cancelled", e);
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            if (cancelled) {
                fail(Reason.CANCELLED, "task " + id + " was cancelled", e);
            } else {
                nodeLog.error("Task {} ({}) failed unexpectedly", id, description, e);
                fail(Reason.PLUGIN_ERROR, description + " failed unexpectedly: " + e, e);
            }
        } finally {
            Thread.interrupted();
        }
    }

    /** Ends the task with a failure (if it has not ended yet) and stops its computation. */
    void abort(Reason reason, String message) {
        if (fail(reason, message, null)) {
            stop();
        }
    }

    private boolean fail(Reason reason, String message, Throwable cause) {
        return result.completeExceptionally(new TaskFailedException(reason, message, cause));
    }

    private void stop() {
        cancelled = true;
        Future<?> running = execution;
        if (running != null) {
            running.cancel(true);
        }
    }

    @Override
    public String taskId() {
        return id;
    }

    @Override
    public void progress(double fraction) {
        double clamped = Double.isNaN(fraction) ? 0 : Math.max(0, Math.min(1, fraction));
        long now = System.nanoTime();
        if (now - lastProgressNanos >= PROGRESS_INTERVAL_NANOS) {
            lastProgressNanos = now;
            forwardProgress(clamped);
        }
    }

    private void forwardProgress(double fraction) {
        try {
            progressListener.accept(fraction);
        } catch (RuntimeException e) {
            nodeLog.warn("Progress listener of task {} failed", id, e);
        }
    }

    @Override
    public boolean isCancelled() {
        return cancelled || result.isDone();
    }

    @Override
    public System.Logger logger() {
        return taskLogger;
    }

    @Override
    public JsonCodec json() {
        return json;
    }
}
