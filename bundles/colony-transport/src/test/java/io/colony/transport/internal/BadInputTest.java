package io.colony.transport.internal;

import static io.colony.transport.internal.TestNodes.connect;
import static io.colony.transport.internal.TestNodes.roundTrip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.transport.api.Peer;
import io.colony.transport.proto.Envelope;
import io.colony.transport.proto.Error.Code;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An attacker on a raw socket loses its own connection; an honest peer goes on doing round trips. */
class BadInputTest {

    private final TestNodes nodes = new TestNodes();
    private TransportNode server;
    private Peer honest;

    @BeforeEach
    void startServerAndHonestPeer() throws Exception {
        server = nodes.start("server", "colony", TestNodes.SECRET, TransportSettings.loopback().withMaxFrameBytes(64 * 1024), null);
        honest = connect(nodes.start("honest"), server);
    }

    @AfterEach
    void closeNodes() {
        nodes.close();
    }

    @Test
    void garbageBeforeTheHandshakeClosesOnlyThatConnection() throws Exception {
        try (RawClient attacker = new RawClient(server.port())) {
            attacker.writeRaw("GET / HTTP/1.1\r\nHost: colony\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            Envelope error = attacker.readUntilClosed();
            assertNotNull(error, "the attacker is told why");
            assertEquals(Code.FRAME_TOO_LARGE, error.getError().getCode());
        }
        assertLoggedOnceWithAddress("exceeds the maximum of 65536 bytes");
        assertEquals("alive", roundTrip(honest, "alive"));
    }

    @Test
    void unparsableFrameClosesOnlyThatConnection() throws Exception {
        try (RawClient attacker = new RawClient(server.port())) {
            attacker.writeLength(8);
            attacker.writeRaw(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff});
            Envelope error = attacker.readUntilClosed();
            assertNotNull(error);
            assertEquals(Code.BAD_FRAME, error.getError().getCode());
            assertTrue(error.getError().getMessage().startsWith("unparsable frame of 8 bytes"), error.getError().getMessage());
        }
        assertLoggedOnceWithAddress("unparsable frame of 8 bytes");
        assertEquals("alive", roundTrip(honest, "alive"));
    }

    @Test
    void oversizedLengthPrefixClosesTheConnectionBeforeTheBytesArrive() throws Exception {
        try (RawClient attacker = new RawClient(server.port())) {
            attacker.writeLength(0xFFFF_FFF0L);
            Envelope error = attacker.readUntilClosed();
            assertNotNull(error);
            assertEquals(Code.FRAME_TOO_LARGE, error.getError().getCode());
            assertEquals("frame of 4294967280 bytes exceeds the maximum of 65536 bytes", error.getError().getMessage());
        }
        assertLoggedOnceWithAddress("frame of 4294967280 bytes exceeds the maximum");
        assertEquals("alive", roundTrip(honest, "alive"));
    }

    @Test
    void oversizedFrameFromAnAuthenticatedPeerClosesOnlyThatPeer() throws Exception {
        try (RawClient attacker = new RawClient(server.port())) {
            Envelope welcome = attacker.handshake("mallory", "colony", TestNodes.SECRET);
            assertTrue(welcome.hasWelcome());
            attacker.writeLength(1 << 20);
            attacker.writeRaw(new byte[1024]);
            Envelope error = attacker.readUntilClosed();
            assertNotNull(error);
            assertEquals(Code.FRAME_TOO_LARGE, error.getError().getCode());
        }
        assertLoggedOnceWithAddress("frame of 1048576 bytes exceeds the maximum of 65536 bytes");
        assertEquals("alive", roundTrip(honest, "alive"));
    }

    @Test
    void truncatedFrameFollowedByCloseIsLoggedAndOnlyThatConnectionCloses() throws Exception {
        try (RawClient attacker = new RawClient(server.port())) {
            attacker.writeLength(100);
            attacker.writeRaw(new byte[10]);
            attacker.shutdownOutput();
            assertNull(attacker.readUntilClosed(), "nobody to tell: the attacker closed its side");
        }
        assertLoggedOnceWithAddress("connection closed in the middle of a frame (10 of 100 bytes)");
        assertEquals("alive", roundTrip(honest, "alive"));
    }

    @Test
    void messageOtherThanHelloBeforeTheHandshakeIsRefused() throws Exception {
        try (RawClient attacker = new RawClient(server.port())) {
            attacker.write(TestNodes.ping("sneaky"));
            Envelope error = attacker.readUntilClosed();
            assertNotNull(error);
            assertEquals(Code.PROTOCOL_VIOLATION, error.getError().getCode());
            assertEquals("expected HELLO during the handshake, got PING", error.getError().getMessage());
        }
        assertEquals("alive", roundTrip(honest, "alive"));
    }

    private void assertLoggedOnceWithAddress(String reason) throws InterruptedException {
        TestLog log = nodes.log(server);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (log.count(reason) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(1, log.count(reason), log.toString());
        assertTrue(log.contains("/127.0.0.1:"), log.toString());
        assertTrue(log.toString().lines().anyMatch(line -> line.contains(reason) && line.contains("/127.0.0.1:")), log.toString());
    }
}
