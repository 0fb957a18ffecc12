package io.colony.sandbox.internal.run;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.PluginException;
import io.colony.api.source.LimitExceededException;
import io.colony.sandbox.internal.runtime.StopReason;

/**
 * How a run ended: a result, or the exception its caller gets. Made of the sandbox's own objects only (strings,
 * payloads, new exceptions), never of objects of the sandboxed code, which could run code on the caller's thread.
 */
public final class RunOutcome {

    private final Payload result;
    private final Exception failure;

    private RunOutcome(Payload result, Exception failure) {
        this.result = result;
        this.failure = failure;
    }

    public static RunOutcome success(Payload result) {
        return new RunOutcome(result, null);
    }

    public static RunOutcome failed(PluginException failure) {
        return new RunOutcome(null, failure);
    }

    public static RunOutcome failed(LimitExceededException failure) {
        return new RunOutcome(null, failure);
    }

    public static RunOutcome cancelled(String message) {
        return new RunOutcome(null, new InterruptedException(message));
    }

    public static RunOutcome stopped(StopReason reason) {
        return stopped(reason, "");
    }

    /** @param note appended to the reason's message */
    public static RunOutcome stopped(StopReason reason, String note) {
        switch (reason.cause()) {
            case LIMIT:
                return failed(new LimitExceededException(reason.limit(), reason.message() + note));
            case CANCELLED:
                return cancelled(reason.message() + note);
            default:
                return failed(new PluginException(reason.message() + note));
        }
    }

    /** The result, or the failure thrown. */
    public Payload get() throws PluginException, LimitExceededException, InterruptedException {
        if (failure == null) {
            return result;
        }
        if (failure instanceof PluginException) {
            throw (PluginException) failure;
        }
        if (failure instanceof LimitExceededException) {
            throw (LimitExceededException) failure;
        }
        throw (InterruptedException) failure;
    }

    @Override
    public String toString() {
        return failure == null ? "success " + result : "failure " + failure;
    }
}
