package io.colony.transport.internal;

import static io.colony.transport.internal.TestNodes.WAIT_SECONDS;
import static io.colony.transport.internal.TestNodes.connect;
import static io.colony.transport.internal.TestNodes.roundTrip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.transport.api.Peer;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class DuplicateConnectionTest {

    private final TestNodes nodes = new TestNodes();

    @AfterEach
    void closeNodes() {
        nodes.close();
    }

    @RepeatedTest(20)
    void nodesDiallingEachOtherAtOnceKeepTheConnectionOpenedByTheSmallerId() throws Exception {
        TransportNode alpha = nodes.start("alpha");
        TransportNode beta = nodes.start("beta");
        RecordingListener alphaHears = new RecordingListener();
        RecordingListener betaHears = new RecordingListener();
        alpha.addListener(alphaHears);
        beta.addListener(betaHears);

        CompletableFuture<Peer> alphaToBeta = alpha.connect("127.0.0.1", beta.port());
        CompletableFuture<Peer> betaToAlpha = beta.connect("127.0.0.1", alpha.port());
        Peer betaSeenByAlpha = alphaToBeta.get(WAIT_SECONDS, TimeUnit.SECONDS);
        Peer alphaSeenByBeta = betaToAlpha.get(WAIT_SECONDS, TimeUnit.SECONDS);

        assertOneConnectionOpenedByAlpha(alpha, beta);
        assertEquals("both", roundTrip(betaSeenByAlpha, "both"));
        assertEquals("ways", roundTrip(alphaSeenByBeta, "ways"));
        assertEquals("beta", alphaHears.nextConnected().nodeId());
        assertEquals("alpha", betaHears.nextConnected().nodeId());
        assertTrue(alphaHears.connected.isEmpty() && betaHears.connected.isEmpty(), "peerConnected once");
        assertTrue(alphaHears.lost.isEmpty() && betaHears.lost.isEmpty(), "nobody was lost");
    }

    @Test
    void dialBackOverAnExistingConnectionKeepsTheFirstOne() throws Exception {
        TransportNode alpha = nodes.start("alpha");
        TransportNode beta = nodes.start("beta");
        Peer first = connect(alpha, beta);

        Peer dialledBack = connect(beta, alpha);

        assertEquals("alpha", dialledBack.nodeId());
        assertTrue(first.isConnected());
        assertOneConnectionOpenedByAlpha(alpha, beta);
    }

    /** Both sides end with a single connection, the same one, and alpha opened it. */
    private static void assertOneConnectionOpenedByAlpha(TransportNode alpha, TransportNode beta) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline && !settled(alpha, beta)) {
            Thread.sleep(10);
        }
        PeerConnection atAlpha = alpha.connection("beta").orElseThrow();
        PeerConnection atBeta = beta.connection("alpha").orElseThrow();
        assertEquals("alpha", atAlpha.initiatorId());
        assertEquals("alpha", atBeta.initiatorId());
        assertEquals(atAlpha.channel().localAddress(), atBeta.channel().remoteAddress());
        assertEquals(1, alpha.peers().size());
        assertEquals(1, beta.peers().size());
    }

    private static boolean settled(TransportNode alpha, TransportNode beta) {
        var atAlpha = alpha.connection("beta");
        var atBeta = beta.connection("alpha");
        return atAlpha.isPresent() && atBeta.isPresent()
                && ((InetSocketAddress) atAlpha.get().channel().localAddress()).equals(atBeta.get().channel().remoteAddress())
                && alpha.peers().size() == 1 && beta.peers().size() == 1;
    }
}
