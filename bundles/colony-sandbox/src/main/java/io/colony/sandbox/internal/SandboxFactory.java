package io.colony.sandbox.internal;

import io.colony.api.plugin.Plugin;
import io.colony.api.source.Isolation;
import io.colony.sandbox.internal.compile.ApiClassFiles;
import io.colony.sandbox.internal.compile.ClassPathApiClassFiles;
import io.colony.sandbox.internal.compile.SourceCompiler;
import io.colony.sandbox.internal.run.InProcessPreparer;
import io.colony.sandbox.internal.run.InProcessRunner;
import io.colony.sandbox.internal.run.ProgramPreparer;
import io.colony.sandbox.internal.run.ProgramRunner;
import io.colony.sandbox.internal.threads.BoundedThreads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;

/** Builds the source sandbox from its parts, in a framework or without one (unit tests, tools). */
public final class SandboxFactory {

    /** How long a stopped in-process run has to end before it is abandoned. */
    static final Duration GRACE = Duration.ofSeconds(1);
    /** How long a run or a compilation waits for one of the places when all are taken. */
    static final Duration ADMISSION_WAIT = Duration.ofSeconds(10);

    private SandboxFactory() {
    }

    /** The preparers and runners of each isolation. */
    public record Parts(Map<Isolation, ProgramPreparer> preparers, Map<Isolation, ProgramRunner> runners) {
    }

    /**
     * The service without OSGi, with in-process isolation only; the plugin API's class files come from the class
     * path that loaded {@link Plugin}.
     */
    public static SourceSandboxService withoutFramework(SandboxSettings settings) {
        try {
            Parts parts = inProcessParts(new ClassPathApiClassFiles(Plugin.class.getClassLoader()), Plugin.class.getClassLoader(), settings);
            return new SourceSandboxService(parts.preparers(), parts.runners(), settings.cacheEntries());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the plugin API's class files from the class path", e);
        }
    }

    /** {@link #withoutFramework(SandboxSettings)} with the default settings. */
    public static SourceSandboxService withoutFramework() {
        return withoutFramework(SandboxSettings.defaults());
    }

    /**
     * @param api the plugin API's class files, for the compiler
     * @param apiLoader the loader of the plugin API's classes, which runs share with the worker
     */
    public static Parts inProcessParts(ApiClassFiles api, ClassLoader apiLoader, SandboxSettings settings) throws IOException {
        BoundedThreads compilerThreads = new BoundedThreads("source compiler", settings.compileThreads(), settings.abandonedMax(),
                ADMISSION_WAIT, SourceCompiler::compilerThread);
        SourceCompiler compiler = new SourceCompiler(api, settings.compileTimeLimit(), compilerThreads);
        ProgramPreparer preparer = new InProcessPreparer(compiler, compilerThreads::close);
        ProgramRunner runner = new InProcessRunner(apiLoader, settings.inProcessThreads(), settings.abandonedMax(), ADMISSION_WAIT, GRACE);
        return new Parts(Map.of(Isolation.IN_PROCESS, preparer), Map.of(Isolation.IN_PROCESS, runner));
    }
}
