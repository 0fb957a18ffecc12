package io.colony.sandbox.internal.threads;

/** A {@link BoundedThreads} cannot take a task now; the message says why. */
public final class BusyException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why. */
    public enum Cause {
        /** Every place stayed taken for the admission wait. */
        ALL_PLACES_TAKEN,
        /** Too many abandoned tasks still run. */
        TOO_MANY_ABANDONED,
        CLOSED
    }

    private final Cause cause;

    public BusyException(Cause cause, String message) {
        super(message);
        this.cause = cause;
    }

    public Cause busyCause() {
        return cause;
    }
}
