package io.colony.api.job;

import java.util.Objects;

/**
 * The manager refused a job, or a job spec could not be read. {@link #field()} names the part of the
 * spec at fault (a JSON path such as {@code targets.workers[1]}), or is empty when no one field is.
 */
public class JobRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why, as far as a client must tell the cases apart. */
    public enum Reason {
        /** The spec is malformed or names something that does not exist (HTTP 400). */
        INVALID,
        /** The trust policy does not allow what the job would run (HTTP 403). */
        FORBIDDEN,
        /** The manager cannot take more jobs now (HTTP 503). */
        OVERLOADED
    }

    private final Reason reason;
    private final String field;

    public JobRejectedException(Reason reason, String field, String message) {
        this(reason, field, message, null);
    }

    public JobRejectedException(Reason reason, String field, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.field = field == null ? "" : field;
    }

    /** A spec that is not valid, because of the named field. */
    public static JobRejectedException invalid(String field, String message) {
        return new JobRejectedException(Reason.INVALID, field, message);
    }

    public Reason reason() {
        return reason;
    }

    public String field() {
        return field;
    }
}
