package io.colony.sandbox.internal.runtime;

/**
 * Thrown into sandboxed code to end a stopped run. An Error that job source cannot name (its package is
 * refused by the verifier), and that the guard at the start of every exception handler throws again, so
 * that neither {@code catch (Throwable t)} nor {@code finally} can hold it up.
 */
public final class SandboxStop extends Error {

    private static final long serialVersionUID = 1L;

    private final transient StopReason reason;

    public SandboxStop(StopReason reason) {
        super(reason.message(), null, false, false);
        this.reason = reason;
    }

    public StopReason reason() {
        return reason;
    }
}
