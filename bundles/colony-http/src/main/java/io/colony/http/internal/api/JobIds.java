package io.colony.http.internal.api;

import io.colony.api.job.JobHandle;
import io.colony.api.job.JobRejectedException;
import io.colony.http.internal.routing.ApiException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** Job ids as the manager makes them (decimal numbers), and how a refused job maps to HTTP. */
public final class JobIds {

    private static final Pattern ID = Pattern.compile("[0-9]{1,19}");

    private JobIds() {
    }

    /** Whether the text can be a job id; anything else names no job and is answered 404 without asking the manager. */
    public static boolean isWellFormed(String id) {
        return ID.matcher(id).matches();
    }

    /** INVALID is 400, FORBIDDEN (the trust policy) 403, OVERLOADED 503. */
    public static int status(JobRejectedException.Reason reason) {
        return switch (reason) {
            case INVALID -> 400;
            case FORBIDDEN -> 403;
            case OVERLOADED -> 503;
        };
    }

    /**
     * The answer to a submission, once the job is in the job store: a client that has its id can count on the job
     * surviving a manager restart. A job the store could not take is answered 500 (it runs all the same).
     */
    public static <T> CompletionStage<T> onceStored(JobHandle handle, Supplier<T> answer) {
        return handle.stored().handle((stored, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                throw new CompletionException(new ApiException(500, "", "job " + handle.id()
                        + " was accepted but could not be stored, so a manager restart would lose it: " + cause.getMessage()));
            }
            return answer.get();
        });
    }

    /** The refusal's message, or a generic one when it has none. */
    public static String message(JobRejectedException e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? "job rejected (" + e.reason() + ")" : e.getMessage();
    }
}
