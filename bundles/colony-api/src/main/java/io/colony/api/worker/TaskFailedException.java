package io.colony.api.worker;

/** A task did not produce a result; {@link #reason()} says which kind of failure it was. */
public class TaskFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a task failed. */
    public enum Reason {
        /** No plugin of that name and version range is on the node. */
        UNKNOWN_PLUGIN,
        /** The plugin rejected its input or failed while computing. */
        PLUGIN_ERROR,
        /** The task ran longer than its timeout. */
        TIMEOUT,
        /** The task was cancelled. */
        CANCELLED,
        /**
         * The node could not make the bundles of the job's manifest live (topology 2): not found, checksum,
         * signature, unresolved imports, denied by its trust policy, or no deployer on the node.
         */
        SETUP_FAILED,
        /** The node has no room for the task (its queue is full) or is shutting down. */
        REJECTED
    }

    private final Reason reason;

    public TaskFailedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public TaskFailedException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
