package io.colony.sandbox.internal.runtime;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU time and allocated bytes of threads, from the platform's ThreadMXBean. Allocated bytes come from
 * {@code com.sun.management.ThreadMXBean}, reached through method handles so that the bundle does not import
 * {@code com.sun.management}.
 */
public final class ThreadMeters {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final MethodHandle CURRENT_ALLOCATED;
    private static final MethodHandle ALLOCATED;
    private static final String UNSUPPORTED;

    static {
        MethodHandle current = null;
        MethodHandle byId = null;
        String unsupported = null;
        try {
            Class<?> extended = Class.forName("com.sun.management.ThreadMXBean", false, ClassLoader.getPlatformClassLoader());
            if (!extended.isInstance(THREADS)) {
                throw new ClassNotFoundException("the platform's ThreadMXBean is not a com.sun.management.ThreadMXBean");
            }
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            current = lookup.findVirtual(extended, "getCurrentThreadAllocatedBytes", MethodType.methodType(long.class)).bindTo(THREADS);
            byId = lookup.findVirtual(extended, "getThreadAllocatedBytes", MethodType.methodType(long.class, long.class)).bindTo(THREADS);
            extended.getMethod("setThreadAllocatedMemoryEnabled", boolean.class).invoke(THREADS, true);
            if (!THREADS.isCurrentThreadCpuTimeSupported()) {
                unsupported = "this JVM cannot measure a thread's CPU time";
            } else {
                THREADS.setThreadCpuTimeEnabled(true);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            unsupported = "this JVM cannot measure the bytes a thread allocates (" + e + ")";
        }
        CURRENT_ALLOCATED = current;
        ALLOCATED = byId;
        UNSUPPORTED = unsupported;
    }

    private ThreadMeters() {
    }

    /** @throws IllegalStateException when this JVM cannot measure threads as the in-process sandbox needs */
    public static void requireSupport() {
        if (UNSUPPORTED != null) {
            throw new IllegalStateException("the in-process source sandbox cannot enforce its limits: " + UNSUPPORTED);
        }
    }

    public static long currentThreadCpuNanos() {
        return THREADS.getCurrentThreadCpuTime();
    }

    public static long currentThreadAllocatedBytes() {
        try {
            return (long) CURRENT_ALLOCATED.invokeExact();
        } catch (Throwable e) {
            throw new IllegalStateException("cannot read the thread's allocated bytes", e);
        }
    }

    /** @return -1 when the thread has ended */
    public static long cpuNanos(Thread thread) {
        return THREADS.getThreadCpuTime(thread.getId());
    }

    /** @return -1 when the thread has ended */
    public static long allocatedBytes(Thread thread) {
        try {
            return (long) ALLOCATED.invokeExact(thread.getId());
        } catch (Throwable e) {
            throw new IllegalStateException("cannot read a thread's allocated bytes", e);
        }
    }
}
