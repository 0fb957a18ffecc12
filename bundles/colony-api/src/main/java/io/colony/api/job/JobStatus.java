package io.colony.api.job;

/** A job's state. QUEUED until its first task is sent, then RUNNING until it reaches a final state. */
public enum JobStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED, KILLED;

    /** Whether the job is done: it will not run again. */
    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == KILLED;
    }
}
