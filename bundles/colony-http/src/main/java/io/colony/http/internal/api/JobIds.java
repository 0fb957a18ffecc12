package io.colony.http.internal.api;

import io.colony.api.job.JobRejectedException;
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

    /** The refusal's message, or a generic one when it has none. */
    public static String message(JobRejectedException e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? "job rejected (" + e.reason() + ")" : e.getMessage();
    }
}
