package io.colony.api.job;

/**
 * A task's state. LOST means its worker disappeared and no retry was left (or the task was pinned to
 * that worker); FAILED means the plugin or command failed, or the task timed out, with no retry left.
 */
public enum TaskStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED, KILLED, LOST;

    /** Whether the task is done: it will not run again. */
    public boolean isFinal() {
        return this != QUEUED && this != RUNNING;
    }
}
