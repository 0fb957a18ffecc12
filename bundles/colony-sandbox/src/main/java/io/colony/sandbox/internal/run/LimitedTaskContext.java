package io.colony.sandbox.internal.run;

import io.colony.api.plugin.JsonCodec;
import io.colony.api.plugin.TaskContext;
import io.colony.sandbox.internal.runtime.RunBudget;
import java.util.function.Predicate;

/** The task's context as sandboxed code sees it: the task's own, with a logger that counts what is written. */
public final class LimitedTaskContext implements TaskContext {

    private final TaskContext delegate;
    private final CountingLogger logger;

    /** @param isSourceClass whether a class name is one of the program's, to end logged stacks with them */
    public LimitedTaskContext(TaskContext delegate, RunBudget budget, long logBytes, Predicate<String> isSourceClass) {
        this.delegate = delegate;
        this.logger = new CountingLogger(delegate.logger(), budget, logBytes, isSourceClass);
    }

    @Override
    public String taskId() {
        return delegate.taskId();
    }

    @Override
    public void progress(double fraction) {
        delegate.progress(Double.isNaN(fraction) ? 0 : fraction);
    }

    @Override
    public boolean isCancelled() {
        return delegate.isCancelled();
    }

    @Override
    public System.Logger logger() {
        return logger;
    }

    @Override
    public JsonCodec json() {
        return delegate.json();
    }
}
