package io.colony.sandbox.corpus;

import io.colony.api.plugin.Plugin;
import io.colony.api.source.Isolation;
import io.colony.sandbox.internal.SandboxFactory;
import io.colony.sandbox.internal.SandboxSettings;
import io.colony.sandbox.internal.SourceSandboxService;
import io.colony.sandbox.internal.compile.ClassPathApiClassFiles;
import io.colony.sandbox.internal.process.CodeSourceClassPath;
import io.colony.sandbox.internal.process.ProcessIsolation;
import io.colony.sandbox.internal.process.ProcessSettings;
import io.colony.sandbox.internal.run.InProcessRunner;
import io.colony.sandbox.internal.run.ProgramPreparer;
import io.colony.sandbox.internal.run.ProgramRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The sandbox as the tests build it: the factory's in-process parts and process isolation (children compiled from the
 * test class path, their directories in a temporary directory), with short compile time limits.
 */
final class TestSandbox implements AutoCloseable {

    /** Short enough for the compile bomb to hit it, long enough for any honest program once javac is warm. */
    static final Duration COMPILE_LIMIT = Duration.ofSeconds(5);
    /** A child JVM starts and warms javac up before it compiles: more time, still well below the bomb's. */
    static final Duration PROCESS_COMPILE_LIMIT = Duration.ofSeconds(10);
    static final int IN_PROCESS_THREADS = 2;
    static final int ABANDONED_MAX = 6;

    /** Prefixes of the names of the threads the in-process sandbox runs programs and javac on. */
    static final List<String> RUN_THREAD_PREFIXES = List.of("in-process source sandbox-");
    static final List<String> COMPILER_THREAD_PREFIXES = List.of("source compiler-");

    private final SourceSandboxService service;
    private final InProcessRunner inProcess;
    private final ProcessIsolation process;
    private final Path children;

    private TestSandbox(SourceSandboxService service, InProcessRunner inProcess, ProcessIsolation process, Path children) {
        this.service = service;
        this.inProcess = inProcess;
        this.process = process;
        this.children = children;
    }

    static TestSandbox start() throws IOException {
        SandboxSettings settings = new SandboxSettings(256, COMPILE_LIMIT, 2, IN_PROCESS_THREADS, ABANDONED_MAX);
        SandboxFactory.Parts parts = SandboxFactory.inProcessParts(new ClassPathApiClassFiles(Plugin.class.getClassLoader()),
                Plugin.class.getClassLoader(), settings);
        Path children = Files.createTempDirectory("colony-sandbox-children");
        ProcessIsolation process = new ProcessIsolation(ProcessSettings.defaults(children).withPrepareTime(PROCESS_COMPILE_LIMIT),
                new CodeSourceClassPath());
        Map<Isolation, ProgramPreparer> preparers = new EnumMap<>(parts.preparers());
        preparers.put(Isolation.PROCESS, process.preparer());
        Map<Isolation, ProgramRunner> runners = new EnumMap<>(parts.runners());
        runners.put(Isolation.PROCESS, process.runner());
        SourceSandboxService service = new SourceSandboxService(preparers, runners, settings.cacheEntries());
        return new TestSandbox(service, (InProcessRunner) parts.runners().get(Isolation.IN_PROCESS), process, children);
    }

    /** The isolations the tests run programs in: both, or those of -Dsandbox.isolations (in-process,process). */
    static List<Isolation> isolations() {
        String names = System.getProperty("sandbox.isolations", "").trim();
        if (names.isEmpty()) {
            return List.of(Isolation.IN_PROCESS, Isolation.PROCESS);
        }
        return Arrays.stream(names.split(",")).map(String::trim).map(Isolation::fromConfigName).toList();
    }

    SourceSandboxService service() {
        return service;
    }

    /** In-process runs that overran, could not be stopped and still run, as the sandbox counts them. */
    int abandonedRuns() {
        return inProcess.abandoned();
    }

    /** Child JVMs of this test JVM still alive. */
    static List<ProcessHandle> liveChildren() {
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive).toList();
    }

    /** What the children left in their directories. */
    List<Path> leftByChildren() throws IOException {
        try (Stream<Path> left = Files.list(children)) {
            return left.toList();
        }
    }

    @Override
    public void close() throws IOException {
        service.close();
        process.close();
        try (Stream<Path> left = Files.walk(children)) {
            left.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
        }
    }
}
