package io.colony.plugins.testkit;

import io.colony.api.plugin.JsonCodec;
import io.colony.api.plugin.TaskContext;
import io.colony.worker.internal.JacksonJsonCodec;
import java.util.ArrayList;
import java.util.List;

/** A task context that records progress and reports cancellation after a given number of checks. */
public final class TestTaskContext implements TaskContext {

    private final JsonCodec json = new JacksonJsonCodec();
    private final List<Double> progress = new ArrayList<>();
    private final int checksBeforeCancel;
    private int checks;

    private TestTaskContext(int checksBeforeCancel) {
        this.checksBeforeCancel = checksBeforeCancel;
    }

    public static TestTaskContext running() {
        return new TestTaskContext(Integer.MAX_VALUE);
    }

    /** Answers {@code false} to the first {@code checks} cancellation checks, then {@code true}. */
    public static TestTaskContext cancelledAfter(int checks) {
        return new TestTaskContext(checks);
    }

    public List<Double> progress() {
        return progress;
    }

    @Override
    public String taskId() {
        return "test-task";
    }

    @Override
    public void progress(double fraction) {
        progress.add(Math.max(0, Math.min(1, fraction)));
    }

    @Override
    public boolean isCancelled() {
        return checks++ >= checksBeforeCancel;
    }

    @Override
    public System.Logger logger() {
        return System.getLogger(TestTaskContext.class.getName());
    }

    @Override
    public JsonCodec json() {
        return json;
    }
}
