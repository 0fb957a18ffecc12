package io.colony.worker.internal.hardware;

import io.colony.api.node.HardwareStatus;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * Puts a hardware status together: each figure from the primary readings, else from the fallback,
 * else a neutral value; the disk figures from the file store holding the data directory.
 * Not thread-safe: one sampling thread calls it.
 */
final class HardwareSampler {

    private final HardwareReadings primary;
    private final HardwareReadings fallback;
    private final Path dataDirectory;
    private final Clock clock;
    private final FailureLog failures;
    private final String jvm = System.getProperty("java.vm.name", "Java") + " " + System.getProperty("java.runtime.version", "");

    HardwareSampler(HardwareReadings primary, HardwareReadings fallback, Path dataDirectory, Clock clock, FailureLog failures) {
        this.primary = primary;
        this.fallback = fallback;
        this.dataDirectory = dataDirectory;
        this.clock = clock;
        this.failures = failures;
    }

    HardwareStatus sample() {
        FileStore store = fileStore();
        return new HardwareStatus(
                read("physical cores", primary::physicalCores, fallback::physicalCores, 1),
                read("logical cores", primary::logicalCores, fallback::logicalCores, 1),
                read("system load", primary::systemLoad, fallback::systemLoad, -1.0),
                read("CPU usage", primary::cpuUsage, fallback::cpuUsage, 0.0),
                read("memory total", primary::memoryTotal, fallback::memoryTotal, 0L),
                read("memory available", primary::memoryAvailable, fallback::memoryAvailable, 0L),
                store == null ? 0 : read("disk total", () -> space(store::getTotalSpace), 0L),
                store == null ? 0 : read("disk free", () -> space(store::getUsableSpace), 0L),
                read("operating system", primary::os, fallback::os, "unknown").strip(),
                jvm.strip(),
                clock.instant());
    }

    private <T> T read(String reading, Supplier<T> preferred, Supplier<T> otherwise, T neutral) {
        try {
            return preferred.get();
        } catch (RuntimeException | LinkageError e) {
            failures.once(reading, "using the JDK's figure", e);
            return read(reading + " from the JDK", otherwise, neutral);
        }
    }

    private <T> T read(String reading, Supplier<T> source, T neutral) {
        try {
            return source.get();
        } catch (RuntimeException | LinkageError e) {
            failures.once(reading, "reporting " + neutral, e);
            return neutral;
        }
    }

    private FileStore fileStore() {
        try {
            return Files.getFileStore(nearestExisting(dataDirectory));
        } catch (IOException | RuntimeException e) {
            failures.once("the file system of " + dataDirectory, "reporting 0 disk space", e);
            return null;
        }
    }

    /** The folder itself, or the closest parent that exists when it has not been created yet. */
    private static Path nearestExisting(Path folder) {
        Path candidate = folder.toAbsolutePath();
        while (!Files.exists(candidate) && candidate.getParent() != null) {
            candidate = candidate.getParent();
        }
        return candidate;
    }

    private interface IoLongSupplier {
        long get() throws IOException;
    }

    private static long space(IoLongSupplier size) {
        try {
            return size.get();
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
