package io.colony.sandbox.corpus;

import io.colony.api.plugin.JsonCodec;
import io.colony.api.plugin.TaskContext;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** A task context that keeps what the program reported: the latest progress reports and the log lines. */
final class RecordingTaskContext implements TaskContext {

    /** As a worker forwards only some reports, this keeps only the latest: a program reporting in a loop costs no memory. */
    private static final int PROGRESS_KEPT = 1000;

    private final String taskId;
    private final RecordingLogger logger = new RecordingLogger();
    private final JsonCodec json = new WorkerJsonCodec();
    private final Deque<Double> progress = new ArrayDeque<>();
    private volatile boolean cancelled;

    RecordingTaskContext(String taskId) {
        this.taskId = taskId;
    }

    @Override
    public String taskId() {
        return taskId;
    }

    @Override
    public synchronized void progress(double fraction) {
        if (progress.size() == PROGRESS_KEPT) {
            progress.removeFirst();
        }
        progress.add(Math.max(0, Math.min(1, fraction)));
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

    synchronized List<Double> progressReports() {
        return List.copyOf(progress);
    }

    List<String> logLines() {
        return logger.lines();
    }
}
