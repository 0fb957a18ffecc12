package io.colony.sandbox.internal.process;

import io.colony.api.config.ConfigurationValues;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
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

    /** The configuration (PID) whose {@code process.*} keys {@link #read} takes. */
    public static final String PID = "io.colony.sandbox";
    static final int DEFAULT_WARM_CHILDREN = 0;
    private static final int STDERR_LINES = 20;

    /** The defaults, with children's directories below {@code workDirectory} and a compile time limit of 30 s. */
    public static ProcessSettings defaults(Path workDirectory) {
        return read(Map.of(), workDirectory, Duration.ofSeconds(30));
    }

    /**
     * Reads the {@code process.*} keys of the sandbox's configuration: {@code process.children.max} (0, the
     * default: one per available processor), {@code process.children.warm}, {@code process.start.seconds},
     * {@code process.stop.grace.millis}, {@code process.child.processors}, {@code process.child.stack.kib},
     * {@code process.child.metaspace.mib} and {@code process.compile.memory.mib}.
     *
     * @param compileTime the sandbox's compile time limit ({@code compile.seconds}), which a compiling child gets too
     * @throws io.colony.api.config.InvalidConfigurationException naming the key, the value and the reason
     */
    public static ProcessSettings read(Map<String, ?> properties, Path workDirectory, Duration compileTime) {
        ConfigurationValues values = ConfigurationValues.of(PID, properties);
        int max = values.integer("process.children.max", 0, 0, 4096);
        return new ProcessSettings(
                max == 0 ? Runtime.getRuntime().availableProcessors() : max,
                values.integer("process.children.warm", DEFAULT_WARM_CHILDREN, 0, 64),
                Duration.ofSeconds(values.integer("process.start.seconds", 20, 1, 600)),
                Duration.ofMillis(values.integer("process.stop.grace.millis", 1000, 10, 60_000)),
                values.integer("process.child.processors", 1, 1, 1024),
                (long) values.integer("process.child.stack.kib", 1024, 64, 1 << 20) << 10,
                (long) values.integer("process.child.metaspace.mib", 128, 16, 1 << 16) << 20,
                compileTime,
                (long) values.integer("process.compile.memory.mib", 256, 16, 1 << 20) << 20,
                workDirectory,
                STDERR_LINES);
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
