package io.colony.api.source;

import java.util.Objects;

/** A run of a job's source was stopped because it went past one of its {@link SandboxPolicy} limits. */
public final class LimitExceededException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Which limit. */
    public enum Limit {
        /** {@link SandboxPolicy#wallTime()} */
        WALL_TIME,
        /** {@link SandboxPolicy#cpuTime()} */
        CPU_TIME,
        /** {@link SandboxPolicy#memoryBytes()} */
        MEMORY,
        /** the thread's stack: a recursion too deep */
        STACK,
        /** {@link SandboxPolicy#resultBytes()} */
        RESULT_SIZE,
        /** {@link SandboxPolicy#logBytes()} */
        LOG_SIZE
    }

    private final Limit limit;

    /** @param message what was exceeded, with the limit's value and the trust policy key that sets it */
    public LimitExceededException(Limit limit, String message) {
        super(message);
        this.limit = Objects.requireNonNull(limit, "limit");
    }

    public Limit limit() {
        return limit;
    }
}
