package io.colony.sandbox.internal.process.child;

import io.colony.api.plugin.JsonCodec;
import io.colony.api.plugin.TaskContext;
import io.colony.sandbox.internal.process.protocol.FrameWriter;
import io.colony.sandbox.internal.process.protocol.Progress;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The task context of a program in a child JVM: progress and log lines go to the worker as frames
 * (progress at most every {@value #PROGRESS_INTERVAL_MILLIS} ms, and always when it reaches 1),
 * cancellation is what the worker's CANCEL frame set, JSON is {@link ChildJsonCodec}.
 */
final class ForwardedTaskContext implements TaskContext {

    static final long PROGRESS_INTERVAL_MILLIS = 50;

    private final String taskId;
    private final FrameWriter parent;
    private final ForwardingLogger logger;
    private final JsonCodec json = new io.colony.sandbox.internal.run.ClassRefusingJsonCodec(new ChildJsonCodec());
    private volatile boolean cancelled;
    private long lastProgressNanos = System.nanoTime() - PROGRESS_INTERVAL_MILLIS * 1_000_000;

    ForwardedTaskContext(String taskId, FrameWriter parent) {
        this.taskId = taskId;
        this.parent = parent;
        this.logger = new ForwardingLogger("task " + taskId, parent);
    }

    @Override
    public String taskId() {
        return taskId;
    }

    @Override
    public void progress(double fraction) {
        double clamped = Double.isNaN(fraction) ? 0 : Math.max(0, Math.min(1, fraction));
        long now = System.nanoTime();
        synchronized (this) {
            if (clamped < 1 && now - lastProgressNanos < PROGRESS_INTERVAL_MILLIS * 1_000_000) {
                return;
            }
            lastProgressNanos = now;
        }
        try {
            parent.write(new Progress(clamped).toFrame());
        } catch (IOException e) {
            throw new UncheckedIOException("the worker no longer reads this child's progress", e);
        }
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    void cancel() {
        cancelled = true;
    }

    @Override
    public System.Logger logger() {
        return logger;
    }

    @Override
    public JsonCodec json() {
        return json;
    }
}
