package io.colony.transport.internal;

import static io.colony.transport.internal.TestNodes.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.node.HardwareStatus;
import io.colony.transport.api.Hardware;
import io.colony.transport.proto.Envelope;
import io.colony.transport.proto.Heartbeat;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HeartbeatTest {

    private static final HardwareStatus HARDWARE = new HardwareStatus(4, 8, 1.25, 0.5, 16L << 30, 8L << 30, 500L << 30,
            200L << 30, "Linux 6.1", "OpenJDK 17", Instant.ofEpochMilli(1_700_000_000_123L));

    private final TestNodes nodes = new TestNodes();

    @AfterEach
    void closeNodes() {
        nodes.close();
    }

    @Test
    void heartbeatCarriesTheSourcesHardwareStatusToThePeer() throws Exception {
        TransportSettings fast = TransportSettings.loopback().withHeartbeat(Duration.ofMillis(100), Duration.ofMillis(1000));
        TransportNode worker = nodes.start("worker", "colony", TestNodes.SECRET, fast,
                () -> Heartbeat.newBuilder().setAvailable(true).setHardware(Hardware.toProto(HARDWARE)).build());
        TransportNode manager = nodes.start("manager", "colony", TestNodes.SECRET, fast, null);
        RecordingListener managerHears = new RecordingListener();
        manager.addListener(managerHears);
        connect(worker, manager);

        RecordingListener.Beat beat = managerHears.heartbeats.poll(5, TimeUnit.SECONDS);

        assertNotNull(beat);
        assertEquals("worker", beat.peer().nodeId());
        assertTrue(beat.heartbeat().getAvailable());
        assertTrue(beat.heartbeat().getSentAtMillis() > 0);
        assertEquals(HARDWARE, Hardware.fromProto(beat.heartbeat().getHardware()));
    }

    @Test
    void nodeWithoutHeartbeatSourceSendsEmptyHeartbeats() throws Exception {
        TransportSettings fast = TransportSettings.loopback().withHeartbeat(Duration.ofMillis(100), Duration.ofMillis(1000));
        TransportNode alpha = nodes.start("alpha", "colony", TestNodes.SECRET, fast, null);
        TransportNode beta = nodes.start("beta", "colony", TestNodes.SECRET, fast, () -> {
            throw new IllegalStateException("monitor broken");
        });
        RecordingListener alphaHears = new RecordingListener();
        alpha.addListener(alphaHears);
        connect(alpha, beta);
        RecordingListener.Beat beat = alphaHears.heartbeats.poll(5, TimeUnit.SECONDS);
        assertNotNull(beat);
        assertTrue(!beat.heartbeat().hasHardware());
        assertTrue(nodes.log(beta).contains("the heartbeat source failed"));
    }

    @Test
    void peerThatStopsRespondingIsReportedLostWithinTheHeartbeatTimeout() throws Exception {
        TransportNode manager = nodes.start("manager");
        RecordingListener managerHears = new RecordingListener();
        manager.addListener(managerHears);
        try (RawClient frozen = new RawClient(manager.port())) {
            Envelope welcome = frozen.handshake("frozen-worker", "colony", TestNodes.SECRET);
            assertTrue(welcome.hasWelcome());
            long silentSince = System.nanoTime();
            assertEquals("frozen-worker", managerHears.nextConnected().nodeId());

            RecordingListener.Lost lost = managerHears.nextLost(6000);

            assertNotNull(lost, "lost within 6 s");
            long millis = TimeUnit.NANOSECONDS.toMillis(lost.atNanos() - silentSince);
            assertEquals("frozen-worker", lost.peer().nodeId());
            assertTrue(lost.reason().contains("heartbeat timeout"), lost.reason());
            assertTrue(millis >= 2500 && millis <= 3500, "lost after " + millis + " ms, expected about 3000");
        }
    }

    @Test
    void honestPeersStayConnectedAcrossManyHeartbeatTimeouts() throws Exception {
        TransportSettings fast = TransportSettings.loopback().withHeartbeat(Duration.ofMillis(50), Duration.ofMillis(300));
        TransportNode alpha = nodes.start("alpha", "colony", TestNodes.SECRET, fast, null);
        TransportNode beta = nodes.start("beta", "colony", TestNodes.SECRET, fast, null);
        RecordingListener alphaHears = new RecordingListener();
        alpha.addListener(alphaHears);
        connect(alpha, beta);
        assertEquals(null, alphaHears.nextLost(1500));
        assertTrue(alpha.peer("beta").isPresent());
    }
}
