package io.colony.sandbox.internal.runtime;

/**
 * A thread that runs sandboxed code: the {@link Guard} finds the run's budget in it cheaply. Sandboxed code on
 * any other thread, or on this one outside a run, is stopped at its first guard.
 */
public final class SandboxThread extends Thread {

    RunBudget budget;

    public SandboxThread(Runnable body, String name, long stackBytes) {
        super(null, body, name, stackBytes);
        setDaemon(true);
    }

    /** Starts guarding the current thread, which must be a SandboxThread, with a budget. */
    public static void begin(RunBudget budget) {
        current().budget = budget;
        budget.start();
    }

    /** Ends the current run on this thread: sandboxed code reached after it is stopped at its first guard. */
    public static void end() {
        current().budget = null;
    }

    private static SandboxThread current() {
        Thread thread = Thread.currentThread();
        if (!(thread instanceof SandboxThread)) {
            throw new IllegalStateException("sandboxed code runs only on a SandboxThread, not on " + thread.getName());
        }
        return (SandboxThread) thread;
    }
}
