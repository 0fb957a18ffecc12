package io.colony.sandbox.internal.process;

import io.colony.api.plugin.Plugin;
import io.colony.api.source.Isolation;
import io.colony.sandbox.internal.SandboxFactory;
import io.colony.sandbox.internal.SandboxSettings;
import io.colony.sandbox.internal.SourceSandboxService;
import io.colony.sandbox.internal.compile.ClassPathApiClassFiles;
import io.colony.sandbox.internal.run.ProgramPreparer;
import io.colony.sandbox.internal.run.ProgramRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Process isolation ({@code source.isolation = process}): a {@link ProcessPreparer} and a
 * {@link ProcessRunner} that share the child JVMs' launcher and their slots, so that at most
 * {@link ProcessSettings#maxChildren()} children compile or run at once.
 */
public final class ProcessIsolation implements AutoCloseable {

    private final ChildLauncher launcher;
    private final ProcessRunner runner;
    private final ProcessPreparer preparer;

    public ProcessIsolation(ProcessSettings settings, ChildClassPath classPath) {
        this(settings, classPath, child -> { });
    }

    /** @param started told of every child process as it starts */
    ProcessIsolation(ProcessSettings settings, ChildClassPath classPath, Consumer<ProcessHandle> started) {
        ChildSlots slots = new ChildSlots(settings.maxChildren());
        this.launcher = new ChildLauncher(settings, classPath, started);
        this.runner = new ProcessRunner(settings, new WarmChildren(launcher, settings.warmChildren()), slots);
        this.preparer = new ProcessPreparer(new ProcessCompiler(settings, launcher, slots));
    }

    /**
     * The source sandbox without OSGi, with both isolations (unit tests, tools): in process as
     * {@link SandboxFactory#withoutFramework(SandboxSettings)} builds it, and in child JVMs whose class path
     * is that of this JVM's classes and whose directories lie below {@code workDirectory}.
     */
    public static SourceSandboxService sandboxWithoutFramework(SandboxSettings settings, Path workDirectory) {
        ProcessIsolation processes = new ProcessIsolation(ProcessSettings.read(Map.of(), workDirectory, settings.compileTimeLimit()),
                new CodeSourceClassPath());
        try {
            SandboxFactory.Parts inProcess = SandboxFactory.inProcessParts(new ClassPathApiClassFiles(Plugin.class.getClassLoader()),
                    Plugin.class.getClassLoader(), settings);
            Map<Isolation, ProgramPreparer> preparers = new EnumMap<>(inProcess.preparers());
            Map<Isolation, ProgramRunner> runners = new EnumMap<>(inProcess.runners());
            preparers.put(Isolation.PROCESS, processes.preparer());
            runners.put(Isolation.PROCESS, processes.runner());
            return new SourceSandboxService(preparers, runners, settings.cacheEntries());
        } catch (IOException e) {
            processes.close();
            throw new UncheckedIOException("cannot read the plugin API's class files from the class path", e);
        }
    }

    public ProgramRunner runner() {
        return runner;
    }

    public ProgramPreparer preparer() {
        return preparer;
    }

    /** Stops every child and the threads that read them. */
    @Override
    public void close() {
        runner.close();
        preparer.close();
        launcher.close();
    }
}
