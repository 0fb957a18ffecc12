package io.colony.sandbox.internal.run;

import io.colony.api.plugin.JsonCodec;
import io.colony.api.plugin.TaskContext;
import io.colony.sandbox.internal.runtime.RunBudget;
import java.util.function.Predicate;

/**
 * The task's context as sandboxed code sees it: the task's own, with a logger that counts what is written, and
 * closed to a run once it is stopped (an abandoned run may go on for a while).
 */
public final class LimitedTaskContext implements TaskContext {

    private final TaskContext delegate;
    private final RunBudget budget;
    private final CountingLogger logger;

    /** @param isSourceClass whether a class name is one of the program's, to end logged stacks with them */
    public LimitedTaskContext(TaskContext delegate, RunBudget budget, long logBytes, Predicate<String> isSourceClass) {
        this.delegate = delegate;
        this.budget = budget;
        this.logger = new CountingLogger(delegate.logger(), budget, logBytes, isSourceClass);
    }

    @Override
    public String taskId() {
        budget.throwIfStopped();
        return delegate.taskId();
    }

    @Override
    public void progress(double fraction) {
        budget.throwIfStopped();
        delegate.progress(Double.isNaN(fraction) ? 0 : fraction);
    }

    @Override
    public boolean isCancelled() {
        budget.throwIfStopped();
        return delegate.isCancelled();
    }

    @Override
    public System.Logger logger() {
        budget.throwIfStopped();
        return logger;
    }

    @Override
    public JsonCodec json() {
        budget.throwIfStopped();
        return new ClassRefusingJsonCodec(delegate.json());
    }
}
