package io.colony.worker.internal.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The fallback must work on the JDKs the node runs on: the MBean attributes it reads by name exist. */
class JdkReadingsTest {

    private final JdkReadings jdk = new JdkReadings();

    @Test
    void readsMemoryAndCpuFromTheOperatingSystemMBean() {
        assertTrue(jdk.memoryTotal() > 0);
        assertTrue(jdk.memoryAvailable() >= 0 && jdk.memoryAvailable() <= jdk.memoryTotal());
        assertTrue(jdk.cpuUsage() >= 0 && jdk.cpuUsage() <= 1);
    }

    @Test
    void countsLogicalCoresAsPhysicalOnes() {
        assertEquals(Runtime.getRuntime().availableProcessors(), jdk.physicalCores());
        assertEquals(jdk.logicalCores(), jdk.physicalCores());
    }
}
