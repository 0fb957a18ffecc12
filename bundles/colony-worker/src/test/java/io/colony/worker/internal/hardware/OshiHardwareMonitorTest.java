package io.colony.worker.internal.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.node.HardwareStatus;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.log.Logger;

/** Real OSHI on this machine. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OshiHardwareMonitorTest {

    @TempDir
    Path data;

    private final List<String> logged = Collections.synchronizedList(new ArrayList<>());
    private final Logger log = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
            (proxy, method, args) -> {
                if (method.getName().startsWith("is")) {
                    return true;
                }
                if (args != null && args.length > 0 && args[0] instanceof String message) {
                    logged.add(method.getName() + " " + message);
                }
                return method.getReturnType() == String.class ? "test" : null;
            });

    @Test
    void oshiReadsSaneFiguresHere() {
        OshiReadings oshi = new OshiReadings();
        assertTrue(oshi.physicalCores() >= 1);
        assertTrue(oshi.logicalCores() >= oshi.physicalCores());
        assertTrue(oshi.memoryTotal() > 0);
        assertTrue(oshi.memoryAvailable() > 0 && oshi.memoryAvailable() <= oshi.memoryTotal());
        assertFalse(oshi.os().isBlank());
        double first = oshi.cpuUsage();
        assertTrue(first >= 0 && first <= 1, "cpu " + first);
    }

    @Test
    void keepsAFreshSampleFromTheSamplingThread() throws InterruptedException {
        OshiHardwareMonitor monitor = new OshiHardwareMonitor(data, Clock.systemUTC(), log);
        try {
            HardwareStatus initial = monitor.current();
            assertTrue(initial.logicalCores() >= 1);
            HardwareStatus later = awaitSampleAfter(monitor, initial);
            later = awaitSampleAfter(monitor, later);
            assertTrue(later.physicalCores() >= 1, later.toString());
            assertTrue(later.logicalCores() >= later.physicalCores(), later.toString());
            assertTrue(later.memoryTotal() > 0, later.toString());
            assertTrue(later.diskTotal() > 0 && later.diskFree() <= later.diskTotal(), later.toString());
            assertTrue(later.cpuUsage() >= 0 && later.cpuUsage() <= 1, later.toString());
            assertFalse(later.os().isBlank(), later.toString());
            assertTrue(samplingThread().isDaemon());
            assertEquals(List.of(), logged);
        } finally {
            monitor.stop();
        }
        Thread sampling = samplingThread();
        if (sampling != null) {
            sampling.join(TimeUnit.SECONDS.toMillis(5)); // the pool reports termination just before its thread ends
        }
        assertFalse(sampling != null && sampling.isAlive(), "the sampling thread is still running");
    }

    private static HardwareStatus awaitSampleAfter(OshiHardwareMonitor monitor, HardwareStatus previous) throws InterruptedException {
        while (!monitor.current().sampledAt().isAfter(previous.sampledAt())) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        return monitor.current();
    }

    private static Thread samplingThread() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals(OshiHardwareMonitor.THREAD_NAME))
                .findFirst().orElse(null);
    }
}
