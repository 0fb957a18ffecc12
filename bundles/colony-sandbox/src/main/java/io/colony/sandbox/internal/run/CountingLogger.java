package io.colony.sandbox.internal.run;

import io.colony.api.source.LimitExceededException.Limit;
import io.colony.sandbox.internal.runtime.LimitMessages;
import io.colony.sandbox.internal.runtime.RunBudget;
import io.colony.sandbox.internal.runtime.StopReason;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ResourceBundle;
import java.util.function.Predicate;

/**
 * The task's logger as sandboxed code sees it: each line is formatted here, on the run's thread (arguments'
 * {@code toString} may be the source's own code), passed on as plain text, and counted; the line that would
 * take the run past its log limit stops the run.
 */
final class CountingLogger implements System.Logger {

    private final System.Logger delegate;
    private final RunBudget budget;
    private final long limit;
    private final Predicate<String> isSourceClass;
    private long written;

    CountingLogger(System.Logger delegate, RunBudget budget, long limit, Predicate<String> isSourceClass) {
        this.delegate = delegate;
        this.budget = budget;
        this.limit = limit;
        this.isSourceClass = isSourceClass;
    }

    @Override
    public String getName() {
        return delegate.getName();
    }

    @Override
    public boolean isLoggable(Level level) {
        return delegate.isLoggable(level);
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
        if (isLoggable(level)) {
            write(level, String.valueOf(message) + (thrown == null ? "" : "\n" + ThrowableText.withStack(thrown, isSourceClass)));
        }
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        if (isLoggable(level)) {
            write(level, params == null || params.length == 0 ? String.valueOf(format) : MessageFormat.format(format, params));
        }
    }

    private void write(Level level, String line) {
        budget.throwIfStopped();
        written += line.getBytes(StandardCharsets.UTF_8).length;
        if (written > limit) {
            throw budget.stopNow(StopReason.limit(Limit.LOG_SIZE, LimitMessages.logSize(limit)));
        }
        delegate.log(level, (ResourceBundle) null, line, (Throwable) null);
    }
}
