package io.colony.sandbox.internal.process;

import io.colony.api.source.CompilationException;
import io.colony.api.source.SourceCode;
import io.colony.api.source.VerificationException;
import io.colony.sandbox.internal.run.InProcessPreparer;
import io.colony.sandbox.internal.run.PreparedProgram;
import io.colony.sandbox.internal.run.ProgramPreparer;
import java.util.List;

/**
 * Prepares source for process isolation: javac runs in a child JVM ({@link ProcessCompiler}: hostile
 * source can make it run long or exhaust memory, and javac cannot be interrupted), and its class files
 * come back to the worker, which verifies and instruments them itself, as in process. So the child
 * that read the hostile source never decides what is verified: bytes it sent that break the allowlist
 * are refused here like any other. The caller caches the result.
 */
public final class ProcessPreparer implements ProgramPreparer {

    private final InProcessPreparer verifyingHere;
    private final ProcessCompiler compiler;

    ProcessPreparer(ProcessCompiler compiler) {
        this.compiler = compiler;
        this.verifyingHere = new InProcessPreparer(compiler::compile, () -> { });
    }

    @Override
    public PreparedProgram prepare(SourceCode source, List<String> allowlistExtensions) throws CompilationException, VerificationException {
        return verifyingHere.prepare(source, allowlistExtensions);
    }

    /** Stops the compilations under way and refuses new ones. */
    @Override
    public void close() {
        compiler.close();
    }
}
