package io.colony.sandbox.internal.process;

import io.colony.sandbox.internal.run.ProgramPreparer;
import io.colony.sandbox.internal.run.ProgramRunner;
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
