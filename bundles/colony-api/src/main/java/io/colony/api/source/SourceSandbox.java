package io.colony.api.source;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.PluginException;
import io.colony.api.plugin.TaskContext;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Compiles, verifies and runs the Java source of jobs (topology 3). Provided by {@code colony-sandbox}
 * on workers. Ask the trust policy ({@link io.colony.api.trust.Request.RunSource}) first: the sandbox
 * contains code, it does not decide whether code may run.
 */
@ProviderType
public interface SourceSandbox {

    /**
     * Compiles the source in memory and verifies every class against the allowlist (the built-in one plus
     * {@link SandboxPolicy#allowlist()}), or takes the result of an earlier call from the cache.
     *
     * @throws CompilationException with the compiler's diagnostics
     * @throws VerificationException with everything that the allowlist refuses
     */
    CompiledSource compile(SourceCode source, SandboxPolicy policy) throws CompilationException, VerificationException;

    /**
     * Runs the entry class of compiled source on one input, within the limits of the policy.
     *
     * @param context the task's context: progress, cancellation and the logger reach the worker
     * @throws PluginException when the program throws (the message says what it threw), or cannot be
     *     instantiated
     * @throws LimitExceededException when the run went past a limit and was stopped
     * @throws InterruptedException when the task was cancelled
     */
    Payload run(CompiledSource program, Payload input, TaskContext context, SandboxPolicy policy)
            throws PluginException, LimitExceededException, InterruptedException;
}
