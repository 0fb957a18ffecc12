package io.colony.sandbox.internal.threads;

/** A {@link BoundedThreads} cannot take a task now; the message says why. */
public final class BusyException extends Exception {

    private static final long serialVersionUID = 1L;

    public BusyException(String message) {
        super(message);
    }
}
