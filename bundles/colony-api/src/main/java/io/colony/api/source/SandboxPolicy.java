package io.colony.api.source;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the sandbox runs a job's source: where, with which limits, and which members beyond the built-in
 * allowlist it may use. Set by the operator in the trust policy ({@code source.*} in
 * {@code etc/io.colony.trust.cfg}).
 *
 * @param isolation in the worker's JVM or in a child JVM per task
 * @param wallTime how long one run may take, compilation excluded
 * @param cpuTime how much CPU time one run may use
 * @param memoryBytes how much heap one run may allocate (in process: bytes allocated by its thread; in a child
 *     JVM: its maximum heap)
 * @param resultBytes the largest result
 * @param logBytes the most log text (UTF-8 bytes) one run may write
 * @param allowlist entries added to the built-in allowlist: {@code java.util.BitSet} (a class and its
 *     members), {@code java.util.*} (the classes of a package), {@code java.lang.System#nanoTime} (one
 *     member, all its overloads)
 */
public record SandboxPolicy(Isolation isolation, Duration wallTime, Duration cpuTime, long memoryBytes, int resultBytes,
        int logBytes, List<String> allowlist) {

    /** The defaults of {@code etc/io.colony.trust.cfg}. */
    public static final SandboxPolicy DEFAULTS = new SandboxPolicy(Isolation.PROCESS, Duration.ofMinutes(1), Duration.ofMinutes(1),
            256L << 20, 16 << 20, 1 << 20, List.of());

    public SandboxPolicy {
        Objects.requireNonNull(isolation, "isolation");
        requirePositive(wallTime, "wallTime");
        requirePositive(cpuTime, "cpuTime");
        if (memoryBytes < 1 << 20) {
            throw new IllegalArgumentException("memoryBytes: at least 1 MiB, was " + memoryBytes);
        }
        if (resultBytes < 1 || logBytes < 0) {
            throw new IllegalArgumentException("resultBytes must be positive and logBytes not negative");
        }
        allowlist = List.copyOf(allowlist);
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + ": must be positive, was " + duration);
        }
    }
}
