package io.colony.sandbox.internal.runtime;

import io.colony.api.source.LimitExceededException.Limit;
import io.colony.api.source.SandboxPolicy;
import java.time.Duration;

/**
 * The limits of one run and what it has used: checked by the {@link Guard} on the run's thread every
 * {@value #TICKS_PER_CHECK} ticks, and by a watchdog on another thread (the run's thread may be inside a JDK
 * call, where no guard ticks). The first stop reason wins; once stopped, every guard throws.
 */
public final class RunBudget {

    /** Guard ticks between two checks of time and memory. */
    static final int TICKS_PER_CHECK = 1 << 12;
    /** Arrays this large are checked against the memory limit before they are allocated. */
    static final long ARRAY_PRECHECK_BYTES = 64 << 10;

    private final Duration wallTime;
    private final Duration cpuTime;
    private final long memoryBytes;

    /** Touched only by the run's thread. */
    int countdown = TICKS_PER_CHECK;
    private volatile StopReason stop;
    private volatile boolean started;
    /** When the run was created, then when it started on its thread. */
    private volatile long startNanos = System.nanoTime();
    private volatile long cpuStart;
    private volatile long allocatedStart;

    public RunBudget(Duration wallTime, Duration cpuTime, long memoryBytes) {
        this.wallTime = wallTime;
        this.cpuTime = cpuTime;
        this.memoryBytes = memoryBytes;
    }

    public static RunBudget of(SandboxPolicy policy) {
        return new RunBudget(policy.wallTime(), policy.cpuTime(), policy.memoryBytes());
    }

    /** Called on the run's thread as the run starts. */
    void start() {
        startNanos = System.nanoTime();
        cpuStart = ThreadMeters.currentThreadCpuNanos();
        allocatedStart = ThreadMeters.currentThreadAllocatedBytes();
        started = true;
    }

    /** Stops the run unless it already was; safe from any thread. @return whether this reason is the one */
    public boolean stop(StopReason reason) {
        synchronized (this) {
            if (stop != null) {
                return false;
            }
            stop = reason;
        }
        return true;
    }

    /** Why the run was stopped, or null. */
    public StopReason stopReason() {
        return stop;
    }

    boolean isStopped() {
        return stop != null;
    }

    /**
     * Throws the stop into the run when it was stopped: for the worker's objects that sandboxed code calls (its
     * task context), so that a run stopped, or abandoned, and still running reaches nothing of the worker.
     */
    public void throwIfStopped() {
        StopReason reason = stop;
        if (reason != null) {
            throw stopNow(reason);
        }
    }

    /**
     * Stops the run for this reason (unless it already was stopped) and gives the error to throw into it: on the
     * run's thread, by code the run calls (the task's logger when the log is full).
     */
    public SandboxStop stopNow(StopReason reason) {
        stop(reason);
        countdown = 0;
        return new SandboxStop(stop);
    }

    /**
     * The last check, on the run's thread once the program returned: a run that went past a limit inside one JDK call
     * (1.6 GB from one {@code Arrays.copyOf}) and returned before any guard ran is stopped here, not delivered.
     */
    public void checkOnReturn() {
        check();
    }

    /** The guard's periodic check, on the run's thread. */
    void check() {
        countdown = TICKS_PER_CHECK;
        if (stop != null) {
            throw stopNow(stop);
        }
        if (System.nanoTime() - startNanos > wallTime.toNanos()) {
            throw stopNow(StopReason.limit(Limit.WALL_TIME, LimitMessages.wallTime(wallTime)));
        }
        if (ThreadMeters.currentThreadCpuNanos() - cpuStart > cpuTime.toNanos()) {
            throw stopNow(StopReason.limit(Limit.CPU_TIME, LimitMessages.cpuTime(cpuTime)));
        }
        if (ThreadMeters.currentThreadAllocatedBytes() - allocatedStart > memoryBytes) {
            throw stopNow(StopReason.limit(Limit.MEMORY, LimitMessages.memory(memoryBytes)));
        }
    }

    /** Refuses an allocation of this many bytes that would take the run past its memory limit, on the run's thread. */
    void chargeAllocation(long bytes) {
        if (stop != null) {
            throw stopNow(stop);
        }
        if (bytes >= ARRAY_PRECHECK_BYTES && ThreadMeters.currentThreadAllocatedBytes() - allocatedStart + bytes > memoryBytes) {
            throw stopNow(StopReason.limit(Limit.MEMORY, LimitMessages.array(bytes, memoryBytes)));
        }
    }

    /**
     * The watchdog's check of the run's thread from outside: stops the run when it went past its wall time, CPU
     * time or memory.
     *
     * @return the reason it is stopped for (this check's or an earlier one), or null when it may go on
     */
    public StopReason watch(Thread thread) {
        if (stop != null) {
            return stop;
        }
        if (System.nanoTime() - startNanos > wallTime.toNanos()) {
            stop(StopReason.limit(Limit.WALL_TIME, LimitMessages.wallTime(wallTime)));
        } else if (started) {
            long cpu = ThreadMeters.cpuNanos(thread);
            long allocated = ThreadMeters.allocatedBytes(thread);
            if (cpu >= 0 && cpu - cpuStart > cpuTime.toNanos()) {
                stop(StopReason.limit(Limit.CPU_TIME, LimitMessages.cpuTime(cpuTime)));
            } else if (allocated >= 0 && allocated - allocatedStart > memoryBytes) {
                stop(StopReason.limit(Limit.MEMORY, LimitMessages.memory(memoryBytes)));
            }
        }
        return stop;
    }
}
