package io.colony.sandbox.internal.process.child;

import io.colony.api.source.CompilationException;
import io.colony.sandbox.internal.compile.ClassPathApiClassFiles;
import io.colony.sandbox.internal.compile.SourceCompiler;
import io.colony.sandbox.internal.process.protocol.CompilationFailed;
import io.colony.sandbox.internal.process.protocol.CompileRequest;
import io.colony.sandbox.internal.process.protocol.Compiled;
import io.colony.sandbox.internal.process.protocol.Failure;
import io.colony.sandbox.internal.process.protocol.Frame;
import io.colony.sandbox.internal.process.protocol.FrameReader;
import io.colony.sandbox.internal.process.protocol.FrameWriter;
import io.colony.sandbox.internal.threads.BoundedThreads;
import java.io.IOException;
import java.time.Duration;

/** A compile request in a child: javac on the source, against the API classes of the child's own class path. */
final class ChildCompilation {

    private ChildCompilation() {
    }

    static Frame answer(CompileRequest request, FrameReader in, FrameWriter out) {
        ParentWatch.start(in, out, () -> Runtime.getRuntime().halt(ParentWatch.EXIT_PARENT_GONE));
        try {
            SourceCompiler compiler = new SourceCompiler(new ClassPathApiClassFiles(ChildCompilation.class.getClassLoader()), request.timeLimit(),
                    new BoundedThreads("source compiler", 1, 1, Duration.ofSeconds(1), SourceCompiler::compilerThread));
            return new Compiled(compiler.compile(request.source())).toFrame();
        } catch (CompilationException e) {
            return new CompilationFailed(e.diagnostics()).toFrame();
        } catch (IOException | RuntimeException e) {
            return Failure.of(Failure.Kind.INTERNAL, "the child JVM could not compile: " + e).toFrame();
        }
    }
}
