package io.colony.worker.internal.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.node.HardwareStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HardwareSamplerTest {

    private static final Instant NOW = Instant.parse("2025-05-01T10:00:00Z");

    @TempDir
    Path data;

    private final FakeReadings primary = new FakeReadings();
    private final FakeReadings fallback = new FakeReadings() {
        @Override
        public int physicalCores() {
            return 2;
        }

        @Override
        public String os() {
            return "Linux 6.8";
        }
    };
    private final List<String> warnings = new ArrayList<>();

    private final FailureLog failures = new FailureLog((message, failure) -> warnings.add(message));

    private HardwareSampler sampler(HardwareReadings fallbackReadings, Path dataDirectory) {
        return new HardwareSampler(primary, fallbackReadings, dataDirectory, Clock.fixed(NOW, ZoneOffset.UTC), failures);
    }

    private HardwareStatus sample(Path dataDirectory) {
        return sampler(fallback, dataDirectory).sample();
    }

    @Test
    void takesEveryFigureFromThePrimaryReadings() {
        HardwareStatus status = sample(data);
        assertEquals(4, status.physicalCores());
        assertEquals(8, status.logicalCores());
        assertEquals(1.5, status.systemLoad());
        assertEquals(0.25, status.cpuUsage());
        assertEquals(16L << 30, status.memoryTotal());
        assertEquals(6L << 30, status.memoryAvailable());
        assertEquals("Ubuntu 24.04", status.os());
        assertTrue(status.jvm().startsWith(System.getProperty("java.vm.name")), status.jvm());
        assertEquals(NOW, status.sampledAt());
        assertTrue(warnings.isEmpty(), warnings.toString());
    }

    @Test
    void measuresTheDiskHoldingTheDataDirectory() {
        HardwareStatus status = sample(data);
        assertEquals(data.toFile().getTotalSpace(), status.diskTotal());
        assertTrue(status.diskFree() > 0 && status.diskFree() <= status.diskTotal(), status.toString());
    }

    @Test
    void measuresTheNearestExistingParentOfADataDirectoryNotCreatedYet() {
        assertEquals(data.toFile().getTotalSpace(), sample(data.resolve("not/yet")).diskTotal());
    }

    @Test
    void fallsBackToTheJdkFiguresAndSaysSoOncePerFigure() {
        primary.failing = true;
        HardwareSampler sampler = sampler(fallback, data);
        HardwareStatus status = sampler.sample();
        sampler.sample();
        assertEquals(2, status.physicalCores());
        assertEquals("Linux 6.8", status.os());
        assertEquals(16L << 30, status.memoryTotal());
        assertEquals(7, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("Hardware status: cannot read physical cores (java.lang.UnsatisfiedLinkError: "
                + "no native library); using the JDK's figure"), warnings.get(0));
    }

    @Test
    void reportsNeutralFiguresWhenNeitherSourceCanRead() {
        primary.failing = true;
        FakeReadings brokenFallback = new FakeReadings();
        brokenFallback.failing = true;
        HardwareStatus status = sampler(brokenFallback, data).sample();
        assertEquals(1, status.logicalCores());
        assertEquals(-1.0, status.systemLoad());
        assertEquals(0.0, status.cpuUsage());
        assertEquals(0L, status.memoryTotal());
        assertEquals("unknown", status.os());
        assertTrue(warnings.contains("Hardware status: cannot read memory total from the JDK (java.lang.UnsatisfiedLinkError: "
                + "no native library); reporting 0 (reported once)"), warnings.toString());
    }
}
