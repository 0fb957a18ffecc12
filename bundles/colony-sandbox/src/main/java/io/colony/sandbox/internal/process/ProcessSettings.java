package io.colony.sandbox.internal.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the sandbox starts and bounds child JVMs; the configuration of process isolation.
 *
 * @param maxChildren the most child JVMs running tasks or preparations at once; a further one waits for a free
 *     slot at most the task's wall time (a preparation: {@code prepareTime}) and is then refused
 * @param warmChildren how many started, idle children to keep ready for the next run (each still runs one task only)
 * @param startTimeout how long a child may take to start and answer
 * @param stopGrace how long a child has to end after it was asked to stop (cancelled, or past its wall or CPU time)
 *     before it is killed
 * @param activeProcessors the processors a child's JVM sizes itself for ({@code -XX:ActiveProcessorCount})
 * @param stackBytes the thread stack size of a child ({@code -Xss})
 * @param metaspaceBytes the most class metadata of a child ({@code -XX:MaxMetaspaceSize})
 * @param prepareTime how long compiling, verifying and instrumenting source in a child may take
 * @param prepareMemoryBytes the heap of a child that prepares source
 * @param workDirectory where each child gets its own fresh directory, removed when it ends
 * @param stderrLines how many of a child's last stderr lines are kept to explain its death
 */
public record ProcessSettings(int maxChildren, int warmChildren, Duration startTimeout, Duration stopGrace, int activeProcessors,
        long stackBytes, long metaspaceBytes, Duration prepareTime, long prepareMemoryBytes, Path workDirectory, int stderrLines) {

    /** The defaults, with children's directories below {@code workDirectory}. */
    public static ProcessSettings defaults(Path workDirectory) {
        return new ProcessSettings(4, 0, Duration.ofSeconds(20), Duration.ofSeconds(1), 1, 1L << 20, 128L << 20, Duration.ofSeconds(30),
                256L << 20, workDirectory, 20);
    }

    public ProcessSettings {
        requireAtLeast(maxChildren, 1, "maxChildren");
        requireAtLeast(warmChildren, 0, "warmChildren");
        requirePositive(startTimeout, "startTimeout");
        requirePositive(stopGrace, "stopGrace");
        requirePositive(prepareTime, "prepareTime");
        requireAtLeast(activeProcessors, 1, "activeProcessors");
        requireAtLeast(stackBytes, 64 << 10, "stackBytes");
        requireAtLeast(metaspaceBytes, 16 << 20, "metaspaceBytes");
        requireAtLeast(prepareMemoryBytes, 16 << 20, "prepareMemoryBytes");
        requireAtLeast(stderrLines, 1, "stderrLines");
        Objects.requireNonNull(workDirectory, "workDirectory");
    }

    public ProcessSettings withWarmChildren(int count) {
        return new ProcessSettings(maxChildren, count, startTimeout, stopGrace, activeProcessors, stackBytes, metaspaceBytes, prepareTime,
                prepareMemoryBytes, workDirectory, stderrLines);
    }

    public ProcessSettings withMaxChildren(int count) {
        return new ProcessSettings(count, warmChildren, startTimeout, stopGrace, activeProcessors, stackBytes, metaspaceBytes, prepareTime,
                prepareMemoryBytes, workDirectory, stderrLines);
    }

    public ProcessSettings withPrepareTime(Duration time) {
        return new ProcessSettings(maxChildren, warmChildren, startTimeout, stopGrace, activeProcessors, stackBytes, metaspaceBytes, time,
                prepareMemoryBytes, workDirectory, stderrLines);
    }

    public ProcessSettings withPrepareMemoryBytes(long bytes) {
        return new ProcessSettings(maxChildren, warmChildren, startTimeout, stopGrace, activeProcessors, stackBytes, metaspaceBytes, prepareTime,
                bytes, workDirectory, stderrLines);
    }

    private static void requireAtLeast(long value, long least, String name) {
        if (value < least) {
            throw new IllegalArgumentException(name + ": at least " + least + ", was " + value);
        }
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + ": must be positive, was " + duration);
        }
    }
}
