package io.colony.sandbox.internal.runtime;

import io.colony.api.source.LimitExceededException.Limit;

/**
 * What instrumented sandboxed code calls: at every method entry and backward jump ({@link #tick}), at the start
 * of every exception handler ({@link #caught}), and before every array allocation ({@link #array},
 * {@link #multiArray}). Cheap on the fast path: a countdown in the run's budget, found through the current
 * {@link SandboxThread}.
 */
public final class Guard {

    public static final String INTERNAL_NAME = Guard.class.getName().replace('.', '/');
    public static final String TICK = "tick";
    public static final String TICK_DESCRIPTOR = "()V";
    public static final String CAUGHT = "caught";
    public static final String CAUGHT_DESCRIPTOR = "(Ljava/lang/Throwable;)V";
    public static final String ARRAY = "array";
    public static final String ARRAY_DESCRIPTOR = "(II)V";
    public static final String MULTI_ARRAY = "multiArray";
    public static final String MULTI_ARRAY_DESCRIPTOR = "([II)V";

    private static final long ARRAY_HEADER_BYTES = 16;

    private Guard() {
    }

    public static void tick() {
        RunBudget budget = budget();
        if (--budget.countdown <= 0 || budget.isStopped()) {
            budget.check();
        }
    }

    /** Throws a stop again when a handler caught it, or caught anything once the run was stopped. */
    public static void caught(Throwable caught) {
        RunBudget budget = budget();
        if (caught instanceof SandboxStop) {
            throw (SandboxStop) caught;
        }
        if (budget.isStopped()) {
            throw budget.stopNow(budget.stopReason());
        }
        if (caught instanceof OutOfMemoryError) {
            throw budget.stopNow(StopReason.limit(Limit.MEMORY, LimitMessages.heap()));
        }
    }

    /** Before {@code new T[count]}. */
    public static void array(int count, int elementBytes) {
        RunBudget budget = budget();
        if (count > 0) {
            budget.chargeAllocation(count * (long) elementBytes + ARRAY_HEADER_BYTES);
        } else if (budget.isStopped()) {
            throw budget.stopNow(budget.stopReason());
        }
    }

    /** Before {@code new T[a][b]...}: the arrays of every allocated dimension, the last holding elements of this size. */
    public static void multiArray(int[] counts, int elementBytes) {
        RunBudget budget = budget();
        long arrays = 1;
        long bytes = 0;
        for (int i = 0; i < counts.length && arrays > 0; i++) {
            if (counts[i] < 0) {
                return;
            }
            long size = i == counts.length - 1 ? elementBytes : 4;
            bytes = saturatedAdd(bytes, saturatedMultiply(arrays, counts[i] * size + ARRAY_HEADER_BYTES));
            arrays = saturatedMultiply(arrays, counts[i]);
        }
        budget.chargeAllocation(bytes);
    }

    private static long saturatedMultiply(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        return high != 0 || a * b < 0 ? Long.MAX_VALUE : a * b;
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    private static RunBudget budget() {
        Thread thread = Thread.currentThread();
        if (thread instanceof SandboxThread) {
            RunBudget budget = ((SandboxThread) thread).budget;
            if (budget != null) {
                return budget;
            }
        }
        throw new SandboxStop(StopReason.outsideRun());
    }
}
