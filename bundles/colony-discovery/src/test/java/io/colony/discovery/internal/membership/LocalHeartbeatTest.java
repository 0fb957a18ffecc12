package io.colony.discovery.internal.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.node.HardwareMonitor;
import io.colony.discovery.internal.testsupport.MutableClock;
import io.colony.discovery.internal.testsupport.RecordingLogger;
import io.colony.transport.api.Hardware;
import io.colony.transport.proto.Heartbeat;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LocalHeartbeatTest {

    private final MutableClock clock = new MutableClock();
    private final RecordingLogger log = new RecordingLogger();
    private final AtomicReference<HardwareMonitor> monitor = new AtomicReference<>();
    private final LocalHeartbeat heartbeat = new LocalHeartbeat(monitor::get, clock, log.logger());

    @Test
    void availableByDefaultWithoutHardwareWhenNoMonitor() {
        Heartbeat sent = heartbeat.heartbeat();

        assertTrue(sent.getAvailable());
        assertFalse(sent.hasHardware());
        assertEquals(clock.millis(), sent.getSentAtMillis());
    }

    @Test
    void setAvailabilityIsReflectedInHeartbeatsAndLoggedOncePerChange() {
        heartbeat.setAvailability(false);
        heartbeat.setAvailability(false);

        assertFalse(heartbeat.heartbeat().getAvailable());
        assertFalse(heartbeat.isAvailable());
        assertEquals(1, log.at("info").size());

        heartbeat.setAvailability(true);

        assertTrue(heartbeat.heartbeat().getAvailable());
        assertEquals(2, log.at("info").size());
    }

    @Test
    void heartbeatCarriesTheMonitorsCurrentSample() {
        monitor.set(() -> MembershipTest.sample(2.5));

        Heartbeat sent = heartbeat.heartbeat();

        assertTrue(sent.hasHardware());
        assertEquals(2.5, Hardware.fromProto(sent.getHardware()).systemLoad());
    }

    @Test
    void failingMonitorLeavesHardwareOut() {
        monitor.set(() -> {
            throw new IllegalStateException("sensor gone");
        });

        assertFalse(heartbeat.heartbeat().hasHardware());
    }
}
