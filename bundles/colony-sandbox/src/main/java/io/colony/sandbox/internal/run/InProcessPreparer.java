package io.colony.sandbox.internal.run;

import io.colony.api.source.CompilationException;
import io.colony.api.source.Diagnostic;
import io.colony.api.source.SourceCode;
import io.colony.api.source.VerificationException;
import io.colony.api.source.Violation;
import io.colony.sandbox.internal.compile.CompiledClasses;
import io.colony.sandbox.internal.compile.SourceCompiler;
import io.colony.sandbox.internal.instrument.InstrumentationException;
import io.colony.sandbox.internal.instrument.Instrumenter;
import io.colony.sandbox.internal.verify.Allowlist;
import io.colony.sandbox.internal.verify.BytecodeVerifier;
import java.time.Duration;
import java.util.List;

/**
 * Prepares source in this JVM: compiles it with javac, verifies it against the allowlist, instruments it. The
 * compile step may be given instead (process isolation runs javac in a child JVM; verification stays here).
 */
public final class InProcessPreparer implements ProgramPreparer {

    /** Compiles source to class files. */
    @FunctionalInterface
    public interface Compilation {
        CompiledClasses compile(SourceCode source) throws CompilationException;
    }

    private final Compilation compiler;
    private final Instrumenter instrumenter = new Instrumenter();
    private final Runnable onClose;

    /** @param onClose releases what the compiler uses (its threads) */
    public InProcessPreparer(SourceCompiler compiler, Runnable onClose) {
        this((Compilation) compiler::compile, onClose);
    }

    /** @param onClose releases what the compilation uses */
    public InProcessPreparer(Compilation compiler, Runnable onClose) {
        this.compiler = compiler;
        this.onClose = onClose;
    }

    @Override
    public PreparedProgram prepare(SourceCode source, List<String> allowlistExtensions) throws CompilationException, VerificationException {
        Allowlist allowlist = Allowlist.builtIn().extendedWith(allowlistExtensions);
        long start = System.nanoTime();
        CompiledClasses compiled = compiler.compile(source);
        List<Violation> violations = new BytecodeVerifier(allowlist).verify(compiled, source.entryClass());
        if (!violations.isEmpty()) {
            throw new VerificationException(violations);
        }
        CompiledClasses instrumented;
        try {
            instrumented = instrumenter.instrument(compiled);
        } catch (InstrumentationException e) {
            throw new CompilationException(List.of(new Diagnostic("ERROR", pathOf(source, e.sourceFile()), e.line(), 0, e.getMessage())));
        }
        return new PreparedProgram(source.entryClass(), instrumented, SourceHash.of(source, SourceCompiler.OPTIONS, allowlistExtensions),
                Duration.ofNanos(System.nanoTime() - start), allowlistExtensions);
    }

    /** The source path of a file javac recorded by its name only ({@code Main.java}). */
    private static String pathOf(SourceCode source, String fileName) {
        if (fileName.isEmpty()) {
            return "";
        }
        return source.files().keySet().stream().filter(path -> path.equals(fileName) || path.endsWith("/" + fileName)).findFirst().orElse("");
    }

    @Override
    public void close() {
        onClose.run();
    }
}
