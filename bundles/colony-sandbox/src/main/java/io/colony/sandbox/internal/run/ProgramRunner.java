package io.colony.sandbox.internal.run;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.PluginException;
import io.colony.api.plugin.TaskContext;
import io.colony.api.source.LimitExceededException;
import io.colony.api.source.SandboxPolicy;

/** Runs a {@link PreparedProgram} on one input within the limits of a policy. */
public interface ProgramRunner extends AutoCloseable {

    /**
     * @throws PluginException when the program throws (the message says what), returns nothing, cannot be
     *     instantiated, or the runner cannot take the run now (saying why)
     * @throws LimitExceededException when the run went past a limit of the policy and was stopped
     * @throws InterruptedException when the caller was interrupted or the task cancelled; the run was stopped
     */
    Payload run(PreparedProgram program, Payload input, TaskContext context, SandboxPolicy policy)
            throws PluginException, LimitExceededException, InterruptedException;

    /** Refuses further runs and stops the running ones. */
    @Override
    default void close() {
    }
}
