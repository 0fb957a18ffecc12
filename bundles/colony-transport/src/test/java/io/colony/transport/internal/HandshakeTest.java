package io.colony.transport.internal;

import static io.colony.transport.internal.TestNodes.WAIT_SECONDS;
import static io.colony.transport.internal.TestNodes.connect;
import static io.colony.transport.internal.TestNodes.roundTrip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.colony.transport.api.Peer;
import io.colony.transport.proto.Envelope;
import io.colony.transport.proto.Error.Code;
import io.colony.transport.proto.Hello;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HandshakeTest {

    private final TestNodes nodes = new TestNodes();

    @AfterEach
    void closeNodes() {
        nodes.close();
    }

    @Test
    void handshakeSucceedsAndBothSidesSeePeerConnected() throws Exception {
        TransportNode alpha = nodes.start("alpha");
        TransportNode beta = nodes.start("beta");
        RecordingListener alphaHears = new RecordingListener();
        RecordingListener betaHears = new RecordingListener();
        alpha.addListener(alphaHears);
        beta.addListener(betaHears);

        Peer beta_ = connect(alpha, beta);

        assertEquals("beta", beta_.nodeId());
        assertEquals(beta.port(), beta_.listenPort());
        assertEquals(Set.of("worker"), beta_.roles());
        assertEquals("beta", alphaHears.nextConnected().nodeId());
        Peer alphaSeenByBeta = betaHears.nextConnected();
        assertEquals("alpha", alphaSeenByBeta.nodeId());
        assertEquals(alpha.port(), alphaSeenByBeta.listenPort());
        assertTrue(beta.peer("alpha").isPresent());
    }

    @Test
    void connectingTwiceToTheSameNodeReturnsTheExistingConnection() throws Exception {
        TransportNode alpha = nodes.start("alpha");
        TransportNode beta = nodes.start("beta");
        Peer first = connect(alpha, beta);
        assertTrue(first == connect(alpha, beta));
    }

    @Test
    void wrongSecretIsRefusedWithTheReasonLoggedOnBothSidesAndOtherPeersUnaffected() throws Exception {
        TransportNode alpha = nodes.start("alpha");
        TransportNode honest = nodes.start("honest");
        TransportNode intruder = nodes.start("intruder", "colony", "not-the-secret", TransportSettings.loopback(), null);
        Peer honestToAlpha = connect(honest, alpha);

        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> intruder.connect("127.0.0.1", alpha.port()).get(WAIT_SECONDS, TimeUnit.SECONDS));

        assertTrue(refused.getCause().getMessage().contains("authentication failed: wrong cluster secret"), refused.getCause().getMessage());
        assertTrue(nodes.log(alpha).contains("authentication failed: wrong cluster secret"), nodes.log(alpha).toString());
        assertTrue(nodes.log(intruder).contains("authentication failed: wrong cluster secret"), nodes.log(intruder).toString());
        assertTrue(alpha.peer("intruder").isEmpty());
        assertEquals("still here", roundTrip(honestToAlpha, "still here"));
    }

    @Test
    void nodeOfAnotherClusterIsRefused() throws Exception {
        TransportNode alpha = nodes.start("alpha");
        TransportNode stranger = nodes.start("stranger", "elsewhere", TestNodes.SECRET, TransportSettings.loopback(), null);

        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> stranger.connect("127.0.0.1", alpha.port()).get(WAIT_SECONDS, TimeUnit.SECONDS));

        assertTrue(refused.getCause().getMessage().contains("cluster 'elsewhere' is not this node's cluster 'colony'"),
                refused.getCause().getMessage());
        assertTrue(nodes.log(alpha).contains("cluster 'elsewhere' is not this node's cluster 'colony'"));
    }

    @Test
    void peerSpeakingAnotherMajorVersionIsRefused() throws Exception {
        TransportNode alpha = nodes.start("alpha");
        try (RawClient client = new RawClient(alpha.port())) {
            client.write(Envelope.newBuilder().setHello(Hello.newBuilder().setProtocolVersion(2).setNodeId("future")
                    .setClusterName("colony").setNonce(ByteString.copyFrom(HandshakeProof.nonce()))).build());
            Envelope error = client.readUntilClosed();
            assertNotNull(error);
            assertEquals(Code.PROTOCOL_VERSION, error.getError().getCode());
            assertTrue(error.getError().getMessage().startsWith("protocol version 2 not supported"), error.getError().getMessage());
        }
    }

    @Test
    void connectionThatDoesNotFinishTheHandshakeInTimeIsClosed() throws Exception {
        TransportNode alpha = nodes.start("alpha", "colony", TestNodes.SECRET,
                TransportSettings.loopback().withHandshakeTimeout(Duration.ofMillis(300)), null);
        try (RawClient silent = new RawClient(alpha.port())) {
            Envelope error = silent.readUntilClosed();
            assertNotNull(error);
            assertEquals(Code.HANDSHAKE_TIMEOUT, error.getError().getCode());
        }
        assertTrue(nodes.log(alpha).contains("handshake not finished within 300 ms"));
    }

    @Test
    void nodeConnectingToItselfIsRefused() {
        TransportNode alpha = nodes.start("alpha");
        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> alpha.connect("127.0.0.1", alpha.port()).get(WAIT_SECONDS, TimeUnit.SECONDS));
        assertTrue(refused.getCause().getMessage().contains("is this node's own id"), refused.getCause().getMessage());
    }

    @Test
    void connectingToAPortNobodyListensOnFailsWithTheReason() throws Exception {
        TransportNode alpha = nodes.start("alpha");
        int freePort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            freePort = socket.getLocalPort();
        }
        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> alpha.connect("127.0.0.1", freePort).get(WAIT_SECONDS, TimeUnit.SECONDS));
        assertTrue(refused.getCause().getMessage().contains("cannot connect to 127.0.0.1:" + freePort), refused.getCause().getMessage());
    }
}
