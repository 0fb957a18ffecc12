package io.colony.sandbox.corpus;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.PluginException;
import io.colony.api.plugin.TaskContext;
import io.colony.api.source.CompilationException;
import io.colony.api.source.CompiledSource;
import io.colony.api.source.LimitExceededException;
import io.colony.api.source.SandboxPolicy;
import io.colony.api.source.SourceCode;
import io.colony.api.source.SourceSandbox;
import io.colony.api.source.VerificationException;
import java.util.function.Supplier;

/** One program through the sandbox, as a worker would do it: source, compile (and verify), run. */
final class Trial {

    private Trial() {
    }

    /** A cancelled run ends as {@code run/Cancelled}; anything else the sandbox throws (it should not) propagates. */
    static ActualOutcome attempt(SourceSandbox sandbox, Supplier<SourceCode> source, Payload input, TaskContext context, SandboxPolicy policy) {
        SourceCode code;
        try {
            code = source.get();
        } catch (IllegalArgumentException e) {
            return ActualOutcome.refusedSource(e);
        }
        CompiledSource compiled;
        try {
            compiled = sandbox.compile(code, policy);
        } catch (CompilationException e) {
            return ActualOutcome.of(e);
        } catch (VerificationException e) {
            return ActualOutcome.of(e);
        }
        try {
            return ActualOutcome.ran(sandbox.run(compiled, input, context, policy));
        } catch (LimitExceededException e) {
            return ActualOutcome.of(e);
        } catch (PluginException e) {
            return ActualOutcome.of(e);
        } catch (InterruptedException e) {
            return ActualOutcome.cancelled(e);
        }
    }
}
