package io.colony.sandbox.internal.run;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.PluginException;
import io.colony.api.plugin.TaskContext;
import io.colony.api.source.LimitExceededException;
import io.colony.api.source.LimitExceededException.Limit;
import io.colony.sandbox.internal.runtime.AllowlistClassLoader;
import io.colony.sandbox.internal.runtime.LimitMessages;
import io.colony.sandbox.internal.runtime.RunBudget;
import io.colony.sandbox.internal.runtime.SandboxClassLoader;
import io.colony.sandbox.internal.runtime.SandboxThread;
import io.colony.sandbox.internal.runtime.StopReason;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.CancellationException;

/**
 * One run of a prepared program, on the {@link SandboxThread} it owns: loads the program's classes into a class
 * loader of their own, instantiates the entry class and executes it under the run's budget, then turns whatever
 * happened into a {@link RunOutcome}. Everything that touches the program's objects (their messages, their stack
 * traces) happens here, while the guards still apply.
 */
public final class ProgramExecution {

    private final PreparedProgram program;
    private final AllowlistClassLoader parent;

    public ProgramExecution(PreparedProgram program, AllowlistClassLoader parent) {
        this.program = program;
        this.parent = parent;
    }

    /** Runs the program on the current thread, which must be a SandboxThread. Never throws. */
    public RunOutcome execute(Payload input, TaskContext context, RunBudget budget, int resultBytes) {
        SandboxThread.begin(budget);
        try {
            Payload result = executePlugin(input, context);
            budget.checkOnReturn();
            return checked(result, resultBytes);
        } catch (Throwable thrown) {
            try {
                return failure(thrown, budget, context);
            } catch (Throwable again) {
                StopReason reason = budget.stopReason();
                return reason != null ? RunOutcome.stopped(reason)
                        : RunOutcome.failed(new PluginException(program.entryClass() + " threw " + thrown.getClass().getName()
                                + ", and reading its message failed too"));
            }
        } finally {
            SandboxThread.end();
        }
    }

    private Payload executePlugin(Payload input, TaskContext context) throws Exception {
        SandboxClassLoader loader = new SandboxClassLoader(parent, program.classes());
        Class<?> entry = loader.loadClass(program.entryClass());
        Plugin plugin = (Plugin) entry.getConstructor().newInstance();
        return plugin.execute(input, context);
    }

    private RunOutcome checked(Payload result, int resultBytes) {
        if (result == null) {
            return RunOutcome.failed(new PluginException(program.entryClass() + " returned null; execute must return a Payload"));
        }
        long size = (long) result.size() + result.contentType().length();
        if (size > resultBytes) {
            return RunOutcome.failed(new LimitExceededException(Limit.RESULT_SIZE, LimitMessages.resultSize(size, resultBytes)));
        }
        return RunOutcome.success(result);
    }

    private RunOutcome failure(Throwable thrown, RunBudget budget, TaskContext context) {
        StopReason reason = budget.stopReason();
        if (reason != null) {
            return RunOutcome.stopped(reason);
        }
        Throwable cause = thrown;
        String origin = program.entryClass();
        if (cause instanceof InvocationTargetException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof ExceptionInInitializerError && cause.getCause() != null) {
            origin = "a static initialiser of " + program.entryClass();
            cause = cause.getCause();
        }
        if (cause instanceof StackOverflowError) {
            return RunOutcome.failed(new LimitExceededException(Limit.STACK, "the run overflowed its thread's stack (a recursion too deep?)"
                    + ThrowableText.where(cause, this::isSourceClass)));
        }
        if (cause instanceof OutOfMemoryError) {
            return RunOutcome.failed(new LimitExceededException(Limit.MEMORY, LimitMessages.heap()));
        }
        if ((cause instanceof InterruptedException || cause instanceof CancellationException) && context.isCancelled()) {
            return RunOutcome.cancelled("the task was cancelled");
        }
        if (cause instanceof PluginException && origin.equals(program.entryClass())) {
            String message = ThrowableText.message(cause);
            return RunOutcome.failed(new PluginException(message == null ? program.entryClass() + " failed without a message" : message));
        }
        if (cause instanceof LinkageError && !isSourceClass(cause.getClass().getName())) {
            return RunOutcome.failed(new PluginException(origin + " could not be run: " + ThrowableText.describe(cause, this::isSourceClass)));
        }
        return RunOutcome.failed(new PluginException(origin + " threw " + ThrowableText.describe(cause, this::isSourceClass)));
    }

    private boolean isSourceClass(String className) {
        return program.classes().contains(className);
    }
}
