package io.colony.sandbox.internal.compile;

import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import io.colony.api.source.CompilationException;
import io.colony.api.source.Diagnostic;
import io.colony.api.source.SourceCode;
import io.colony.sandbox.internal.runtime.LimitMessages;
import io.colony.sandbox.internal.threads.BoundedThreads;
import io.colony.sandbox.internal.threads.BusyException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a job's source in memory with the JDK's javac ({@code javax.tools}) against the Java 17 platform
 * and the Colony plugin API only, with annotation processing off. Nothing is written to disk.
 *
 * <p>javac cannot be interrupted, so each compilation runs on a thread of its own and the caller waits at most
 * the time limit. Past it, the compilation is told to abort: javac notices at its next phase (parse, enter,
 * analyse, generate of a compilation unit) and its thread ends then; until it does, it is counted as
 * abandoned, and while too many are, new compilations are refused.
 */
public final class SourceCompiler {

    /** The only package of the class path. */
    public static final String API_PACKAGE = "io.colony.api.plugin";
    /** javac's options; part of the cache key. */
    public static final List<String> OPTIONS = List.of("--release", "17", "-proc:none", "-g", "-encoding", "UTF-8", "-Xlint:none");

    private static final long STACK_BYTES = 4L << 20;

    private final JavaCompiler javac;
    private final Map<String, List<JavaFileObject>> apiPackages;
    private final Duration timeLimit;
    private final BoundedThreads threads;

    /**
     * @param threads runs compilations; their number bounds the compilations at once
     * @throws IOException when the API's class files cannot be read
     * @throws IllegalStateException when the JVM has no Java compiler (a JRE, or a JDK without jdk.compiler)
     */
    public SourceCompiler(ApiClassFiles api, Duration timeLimit, BoundedThreads threads) throws IOException {
        this.javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("the source sandbox needs a JDK: this JVM (" + System.getProperty("java.home")
                    + ") has no system Java compiler (module jdk.compiler)");
        }
        List<JavaFileObject> files = new ArrayList<>();
        api.classFiles(API_PACKAGE).forEach((name, bytes) -> files.add(new ApiClassFile(name, bytes)));
        if (files.isEmpty()) {
            throw new IOException("package " + API_PACKAGE + " has no class files");
        }
        this.apiPackages = Map.of(API_PACKAGE, List.copyOf(files));
        this.timeLimit = timeLimit;
        this.threads = threads;
    }

    /** A thread maker for {@link BoundedThreads} with a stack deep enough for deeply nested source. */
    public static Thread compilerThread(Runnable body, String name) {
        Thread thread = new Thread(null, body, name, STACK_BYTES);
        thread.setDaemon(true);
        return thread;
    }

    /**
     * @throws CompilationException with javac's diagnostics; or without a position when the compilation took
     *     longer than the time limit, was refused because too many overran, was interrupted, or javac failed
     */
    public CompiledClasses compile(SourceCode source) throws CompilationException {
        AtomicBoolean abort = new AtomicBoolean();
        BoundedThreads.Job<Outcome> job;
        try {
            job = threads.start(() -> run(source, abort));
        } catch (BusyException e) {
            throw new CompilationException(e.getMessage() + LimitMessages.sandboxSetting(
                    e.busyCause() == BusyException.Cause.TOO_MANY_ABANDONED ? LimitMessages.ABANDONED_MAX_KEY : LimitMessages.COMPILE_THREADS_KEY));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompilationException("the compilation was interrupted before it started");
        }
        try {
            if (!job.await(timeLimit)) {
                abort.set(true);
                job.abandon();
                throw new CompilationException("the source did not compile within " + seconds(timeLimit) + ", the sandbox's compile time limit"
                        + LimitMessages.sandboxSetting(LimitMessages.COMPILE_SECONDS_KEY) + "; javac was told to stop");
            }
        } catch (InterruptedException e) {
            abort.set(true);
            job.abandon();
            Thread.currentThread().interrupt();
            throw new CompilationException("the compilation was interrupted");
        }
        Outcome outcome;
        try {
            outcome = job.result();
        } catch (ExecutionException e) {
            throw new CompilationException("javac failed: " + e.getCause());
        }
        if (outcome.failure != null) {
            throw outcome.failure;
        }
        return outcome.classes;
    }

    private Outcome run(SourceCode source, AtomicBoolean abort) {
        Map<JavaFileObject, String> paths = new HashMap<>();
        List<SourceFile> units = new ArrayList<>();
        source.files().forEach((path, text) -> {
            SourceFile unit = new SourceFile(path, text);
            units.add(unit);
            paths.put(unit, path);
        });
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager platform = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8);
                InMemoryFileManager files = new InMemoryFileManager(platform, apiPackages)) {
            JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics, OPTIONS, null, units);
            attachAbortListener(task, abort);
            boolean compiled = task.call();
            List<Diagnostic> messages = new ArrayList<>();
            for (javax.tools.Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
                messages.add(toDiagnostic(diagnostic, paths));
            }
            if (!compiled) {
                if (messages.stream().noneMatch(message -> message.kind().equals("ERROR"))) {
                    messages.add(new Diagnostic("ERROR", "", 0, 0, "javac failed without saying why"));
                }
                return Outcome.failed(new CompilationException(messages));
            }
            return Outcome.compiled(new CompiledClasses(files.written()));
        } catch (StackOverflowError e) {
            return Outcome.failed(new CompilationException("the source nests too deeply for the compiler: its stack overflowed"));
        } catch (OutOfMemoryError e) {
            return Outcome.failed(new CompilationException("the compiler ran out of memory on this source"));
        } catch (IOException | RuntimeException e) {
            if (abort.get()) {
                return Outcome.failed(new CompilationException("the compilation was stopped"));
            }
            return Outcome.failed(new CompilationException("javac failed: " + e));
        }
    }

    /**
     * Attaches the abort listener when javac's own API (com.sun.source.util, which the bundle imports optionally)
     * is there; without it, an abandoned compilation runs until javac ends by itself.
     */
    private static void attachAbortListener(JavaCompiler.CompilationTask task, AtomicBoolean abort) {
        try {
            AbortListener.attach(task, abort);
        } catch (NoClassDefFoundError e) {
            // the framework does not export com.sun.source.util
        }
    }

    static Diagnostic toDiagnostic(javax.tools.Diagnostic<? extends JavaFileObject> diagnostic, Map<JavaFileObject, String> paths) {
        String kind;
        switch (diagnostic.getKind()) {
            case ERROR:
                kind = "ERROR";
                break;
            case WARNING:
            case MANDATORY_WARNING:
                kind = "WARNING";
                break;
            default:
                kind = "NOTE";
        }
        String file = diagnostic.getSource() == null ? "" : paths.getOrDefault(diagnostic.getSource(), "");
        long line = Math.max(0, diagnostic.getLineNumber());
        long column = Math.max(0, diagnostic.getColumnNumber());
        return new Diagnostic(kind, file, line, column, diagnostic.getMessage(Locale.ROOT));
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    /** Ends javac at its next phase once the caller gave up on it. */
    private static final class AbortListener implements TaskListener {

        private final AtomicBoolean abort;

        private AbortListener(AtomicBoolean abort) {
            this.abort = abort;
        }

        static void attach(JavaCompiler.CompilationTask task, AtomicBoolean abort) {
            if (task instanceof JavacTask) {
                ((JavacTask) task).addTaskListener(new AbortListener(abort));
            }
        }

        @Override
        public void started(TaskEvent event) {
            check();
        }

        @Override
        public void finished(TaskEvent event) {
            check();
        }

        private void check() {
            if (abort.get()) {
                throw new IllegalStateException("compilation aborted: past the sandbox's compile time limit");
            }
        }
    }

    private static final class Outcome {
        final CompiledClasses classes;
        final CompilationException failure;

        private Outcome(CompiledClasses classes, CompilationException failure) {
            this.classes = classes;
            this.failure = failure;
        }

        static Outcome compiled(CompiledClasses classes) {
            return new Outcome(classes, null);
        }

        static Outcome failed(CompilationException failure) {
            return new Outcome(null, failure);
        }
    }
}
