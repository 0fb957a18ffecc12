package io.colony.sandbox.internal.runtime;

import io.colony.api.source.LimitExceededException;
import io.colony.api.source.LimitExceededException.Limit;
import java.util.Objects;

/** Why a run was stopped: a limit (with the message the user sees), a cancellation, or code outside any run. */
public final class StopReason {

    /** What stopped the run. */
    public enum Cause {
        LIMIT,
        CANCELLED,
        /** Sandboxed code ran on a thread that has no run, for example one of the JDK's own. */
        OUTSIDE_RUN
    }

    private final Cause cause;
    private final Limit limit;
    private final String message;

    private StopReason(Cause cause, Limit limit, String message) {
        this.cause = cause;
        this.limit = limit;
        this.message = Objects.requireNonNull(message, "message");
    }

    /** @param message what was exceeded, with the limit's value and the trust policy key that sets it */
    public static StopReason limit(Limit limit, String message) {
        return new StopReason(Cause.LIMIT, Objects.requireNonNull(limit, "limit"), message);
    }

    public static StopReason cancelled(String message) {
        return new StopReason(Cause.CANCELLED, null, message);
    }

    static StopReason outsideRun() {
        return new StopReason(Cause.OUTSIDE_RUN, null,
                "sandboxed code ran on a thread without a run (" + Thread.currentThread().getName() + ") and was stopped");
    }

    public Cause cause() {
        return cause;
    }

    /** The limit, when {@link #cause()} is {@link Cause#LIMIT}. */
    public Limit limit() {
        return limit;
    }

    public String message() {
        return message;
    }

    /** The exception the caller of a run gets for a limit. @throws IllegalStateException for another cause */
    public LimitExceededException toException() {
        if (cause != Cause.LIMIT) {
            throw new IllegalStateException("not a limit: " + this);
        }
        return new LimitExceededException(limit, message);
    }

    @Override
    public String toString() {
        return (limit != null ? limit : cause) + ": " + message;
    }
}
