package io.colony.sandbox.internal.run;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.PluginException;
import io.colony.api.plugin.TaskContext;
import io.colony.api.source.LimitExceededException;
import io.colony.api.source.SandboxPolicy;
import io.colony.sandbox.internal.runtime.AllowlistClassLoader;
import io.colony.sandbox.internal.runtime.LimitMessages;
import io.colony.sandbox.internal.runtime.RunBudget;
import io.colony.sandbox.internal.runtime.SandboxThread;
import io.colony.sandbox.internal.runtime.StopReason;
import io.colony.sandbox.internal.runtime.ThreadMeters;
import io.colony.sandbox.internal.threads.BoundedThreads;
import io.colony.sandbox.internal.threads.BusyException;
import io.colony.sandbox.internal.verify.Allowlist;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * Runs programs in this JVM, each run on a fresh {@link SandboxThread} with a fresh class loader, at most
 * {@code parallelism} at once. The caller's thread is the run's watchdog: it stops the run past its wall time,
 * CPU time or memory (the guards stop it too, as soon as they tick), when the task is cancelled, or when the
 * caller is interrupted; a stopped run that does not end at its next guard is interrupted, and if it does not end
 * within the grace period (stuck in a JDK call where no guard ticks), it is abandoned. While too many are, new
 * runs are refused.
 */
public final class InProcessRunner implements ProgramRunner {

    /** The stack of a run's thread: the JVM's usual default on 64-bit platforms. */
    public static final long STACK_BYTES = 1L << 20;
    private static final Duration POLL = Duration.ofMillis(10);
    /** Parent loaders kept, one per allowlist: operators change theirs rarely. */
    private static final int MAX_ALLOWLISTS = 16;

    private final ClassLoader api;
    private final BoundedThreads threads;
    private final Duration grace;
    private final Map<List<String>, AllowlistClassLoader> parents = new ConcurrentHashMap<>();
    private final Set<RunBudget> running = ConcurrentHashMap.newKeySet();

    /**
     * @param api the loader of the plugin API's classes, which runs share with the caller
     * @param grace how long a stopped run has to end before it is abandoned
     * @throws IllegalStateException when this JVM cannot measure a thread's CPU time and allocations
     */
    public InProcessRunner(ClassLoader api, int parallelism, int maxAbandoned, Duration admissionWait, Duration grace) {
        ThreadMeters.requireSupport();
        this.api = api;
        this.grace = grace;
        this.threads = new BoundedThreads("in-process source sandbox", parallelism, maxAbandoned, admissionWait,
                (body, name) -> new SandboxThread(body, name, STACK_BYTES));
    }

    @Override
    public Payload run(PreparedProgram program, Payload input, TaskContext context, SandboxPolicy policy)
            throws PluginException, LimitExceededException, InterruptedException {
        RunBudget budget = RunBudget.of(policy);
        ProgramExecution execution = new ProgramExecution(program, parent(program.allowlistExtensions()));
        LimitedTaskContext limited = new LimitedTaskContext(context, budget, policy.logBytes(), program.classes()::contains);
        BoundedThreads.Job<RunOutcome> job;
        try {
            job = threads.start(() -> execution.execute(input, limited, budget, policy.resultBytes()));
        } catch (BusyException e) {
            boolean stuck = e.busyCause() == BusyException.Cause.TOO_MANY_ABANDONED;
            throw new PluginException(e.getMessage() + LimitMessages.sandboxSetting(stuck ? LimitMessages.ABANDONED_MAX_KEY
                    : LimitMessages.IN_PROCESS_THREADS_KEY) + (stuck ? "; to isolate each run in a child JVM instead, set "
                    + LimitMessages.ISOLATION_KEY + " = process in etc/io.colony.trust.cfg" : ""));
        }
        running.add(budget);
        try {
            return watch(job, budget, context).get();
        } finally {
            running.remove(budget);
        }
    }

    private AllowlistClassLoader parent(List<String> extensions) {
        if (parents.size() > MAX_ALLOWLISTS) {
            parents.clear();
        }
        return parents.computeIfAbsent(List.copyOf(extensions), key -> new AllowlistClassLoader(Allowlist.builtIn().extendedWith(key), api));
    }

    private RunOutcome watch(BoundedThreads.Job<RunOutcome> job, RunBudget budget, TaskContext context) {
        try {
            while (!job.await(POLL)) {
                if (context.isCancelled()) {
                    budget.stop(StopReason.cancelled("the task was cancelled"));
                }
                StopReason reason = budget.watch(job.thread());
                if (reason != null) {
                    return stopped(job, reason);
                }
            }
        } catch (InterruptedException e) {
            budget.stop(StopReason.cancelled("the run was interrupted"));
            return stopped(job, budget.stopReason());
        }
        return outcome(job);
    }

    /**
     * Waits the grace period for a stopped run to end; past that, abandons it. Its next guard ends it, so it is
     * interrupted only if it has not ended after a quarter of the grace (blocked in a call that an interrupt
     * wakes): an interrupt could disturb the worker's own code it may be in (the task's logger).
     */
    private RunOutcome stopped(BoundedThreads.Job<RunOutcome> job, StopReason reason) {
        if (awaitUninterruptibly(job, grace.dividedBy(4))) {
            return RunOutcome.stopped(reason);
        }
        job.thread().interrupt();
        if (awaitUninterruptibly(job, grace.minus(grace.dividedBy(4)))) {
            return RunOutcome.stopped(reason);
        }
        job.abandon();
        return RunOutcome.stopped(reason, "; the run's thread did not stop within " + LimitMessages.duration(grace)
                + " (it is inside a JDK call that the sandbox cannot interrupt) and was abandoned; " + threads.abandoned()
                + " abandoned in all");
    }

    /** Waits for the job to end; an interruption of the caller is kept for later, not lost. */
    private static boolean awaitUninterruptibly(BoundedThreads.Job<RunOutcome> job, Duration wait) {
        boolean interrupted = false;
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            while (true) {
                try {
                    return job.await(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static RunOutcome outcome(BoundedThreads.Job<RunOutcome> job) {
        try {
            return job.result();
        } catch (ExecutionException e) {
            return RunOutcome.failed(new PluginException("the sandbox failed to run the program: " + e.getCause()));
        }
    }

    /** How many abandoned runs are still stuck. */
    public int abandoned() {
        return threads.abandoned();
    }

    @Override
    public void close() {
        threads.close();
        running.forEach(budget -> budget.stop(StopReason.cancelled("the source sandbox is shutting down")));
    }
}
