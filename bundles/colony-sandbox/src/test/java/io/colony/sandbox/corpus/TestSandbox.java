package io.colony.sandbox.corpus;

import io.colony.api.plugin.Plugin;
import io.colony.api.source.Isolation;
import io.colony.sandbox.internal.SandboxFactory;
import io.colony.sandbox.internal.SandboxSettings;
import io.colony.sandbox.internal.SourceSandboxService;
import io.colony.sandbox.internal.compile.ClassPathApiClassFiles;
import io.colony.sandbox.internal.run.InProcessRunner;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** The sandbox as the tests build it: the factory's parts for unit tests, with a short compile time limit. */
final class TestSandbox implements AutoCloseable {

    /** Short enough for the compile bomb to hit it, long enough for any honest program once javac is warm. */
    static final Duration COMPILE_LIMIT = Duration.ofSeconds(5);
    static final int IN_PROCESS_THREADS = 2;
    static final int ABANDONED_MAX = 4;

    /** Prefixes of the names of the threads the in-process sandbox runs programs and javac on. */
    static final List<String> RUN_THREAD_PREFIXES = List.of("in-process source sandbox-");
    static final List<String> COMPILER_THREAD_PREFIXES = List.of("source compiler-");

    private final SourceSandboxService service;
    private final InProcessRunner inProcess;

    private TestSandbox(SourceSandboxService service, InProcessRunner inProcess) {
        this.service = service;
        this.inProcess = inProcess;
    }

    static TestSandbox start() throws IOException {
        SandboxSettings settings = new SandboxSettings(256, COMPILE_LIMIT, 2, IN_PROCESS_THREADS, ABANDONED_MAX);
        SandboxFactory.Parts parts = SandboxFactory.inProcessParts(new ClassPathApiClassFiles(Plugin.class.getClassLoader()),
                Plugin.class.getClassLoader(), settings);
        SourceSandboxService service = new SourceSandboxService(parts.preparers(), parts.runners(), settings.cacheEntries());
        return new TestSandbox(service, (InProcessRunner) parts.runners().get(Isolation.IN_PROCESS));
    }

    /** The isolations this sandbox runs programs in. */
    static List<Isolation> isolations() {
        return List.of(Isolation.IN_PROCESS);
    }

    SourceSandboxService service() {
        return service;
    }

    /** In-process runs that overran, could not be stopped and still run, as the sandbox counts them. */
    int abandonedRuns() {
        return inProcess.abandoned();
    }

    @Override
    public void close() {
        service.close();
    }
}
