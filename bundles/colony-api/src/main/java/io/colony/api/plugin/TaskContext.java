package io.colony.api.plugin;

import org.osgi.annotation.versioning.ProviderType;

/** What a running task can ask of Colony. One context per task; safe to use from the task's thread. */
@ProviderType
public interface TaskContext {

    /** The task's id, unique on this node. */
    String taskId();

    /**
     * Reports progress as a fraction from 0 to 1; values outside are clamped. Cheap enough to call
     * in a loop: Colony forwards at most a few updates a second.
     */
    void progress(double fraction);

    /** Reports progress as {@code done} out of {@code total} units. */
    default void progress(long done, long total) {
        progress(total <= 0 ? 0 : (double) done / total);
    }

    /** True once the task was killed or timed out; the plugin should stop as soon as it can. */
    boolean isCancelled();

    /**
     * Throws {@link java.util.concurrent.CancellationException} when the task was cancelled; a
     * convenient check inside loops.
     */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new java.util.concurrent.CancellationException("task " + taskId() + " was cancelled");
        }
    }

    /** The task's logger; its lines go to the node's log, tagged with the task id and the plugin. */
    System.Logger logger();

    /** JSON reading and writing. */
    JsonCodec json();
}
