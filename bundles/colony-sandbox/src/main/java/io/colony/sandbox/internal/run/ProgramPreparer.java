package io.colony.sandbox.internal.run;

import io.colony.api.source.CompilationException;
import io.colony.api.source.SourceCode;
import io.colony.api.source.VerificationException;
import java.util.List;

/** Turns a job's source into a program a {@link ProgramRunner} can run: compiled, verified, instrumented. */
public interface ProgramPreparer extends AutoCloseable {

    /**
     * @param allowlistExtensions the operator's entries added to the built-in allowlist
     * @throws CompilationException with javac's diagnostics, or when the compilation could not be done
     * @throws VerificationException with everything the allowlist refuses
     * @throws IllegalArgumentException when an allowlist extension is malformed, naming it
     */
    PreparedProgram prepare(SourceCode source, List<String> allowlistExtensions) throws CompilationException, VerificationException;

    /** Refuses further work and ends the preparer's threads as far as they can be. */
    @Override
    default void close() {
    }
}
