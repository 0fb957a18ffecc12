package io.colony.transport.internal;

import static io.colony.transport.internal.TestNodes.WAIT_SECONDS;
import static io.colony.transport.internal.TestNodes.connect;
import static io.colony.transport.internal.TestNodes.ping;
import static io.colony.transport.internal.TestNodes.roundTrip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.transport.api.Peer;
import io.colony.transport.api.TransportException;
import io.colony.transport.proto.Envelope;
import io.colony.transport.proto.Envelope.BodyCase;
import io.colony.transport.proto.Pong;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RequestResponseTest {

    private final TestNodes nodes = new TestNodes();

    @AfterEach
    void closeNodes() {
        nodes.close();
    }

    @Test
    void requestIsAnsweredByTheHandlerOfItsBody() throws Exception {
        TransportNode alpha = nodes.start("alpha");
        TransportNode beta = nodes.start("beta");
        beta.handle(BodyCase.PING, (from, request) -> CompletableFuture.completedFuture(Envelope.newBuilder()
                .setPong(Pong.newBuilder().setPayload(request.getPing().getPayload().concat(
                        com.google.protobuf.ByteString.copyFromUtf8(" from " + from.nodeId())))).build()));
        assertEquals("hello from alpha", roundTrip(connect(alpha, beta), "hello"));
    }

    @Test
    void pingIsAnsweredWithItsPayloadWhenNobodyHandlesIt() throws Exception {
        TransportNode alpha = nodes.start("alpha");
        TransportNode beta = nodes.start("beta");
        assertEquals("echo", roundTrip(connect(alpha, beta), "echo"));
    }

    @Test
    void requestsWorkInBothDirectionsOverOneConnection() throws Exception {
        TransportNode alpha = nodes.start("alpha");
        TransportNode beta = nodes.start("beta");
        connect(alpha, beta);
        Peer alphaSeenByBeta = beta.peer("alpha").orElseThrow();
        assertEquals("back", roundTrip(alphaSeenByBeta, "back"));
    }

    @Test
    void requestWithoutResponseFailsAfterItsTimeout() throws Exception {
        TransportNode alpha = nodes.start("alpha");
        TransportNode beta = nodes.start("beta");
        beta.handle(BodyCase.PING, (from, request) -> new CompletableFuture<>());
        Peer peer = connect(alpha, beta);
        long start = System.nanoTime();
        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> peer.request(ping("x"), Duration.ofMillis(200)).get(WAIT_SECONDS, TimeUnit.SECONDS));
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertInstanceOf(TransportException.class, failure.getCause());
        assertTrue(failure.getCause().getMessage().contains("no response from node beta within 200 ms"));
        assertTrue(elapsedMillis >= 190 && elapsedMillis < 3000, "timed out after " + elapsedMillis + " ms");
        assertEquals(0, ((NodePeer) peer).connection().pending().size());
    }

    @Test
    void pendingRequestsFailWhenThePeerCloses() throws Exception {
        TransportNode alpha = nodes.start("alpha");
        TransportNode beta = nodes.start("beta");
        java.util.concurrent.CountDownLatch arrived = new java.util.concurrent.CountDownLatch(2);
        beta.handle(BodyCase.PING, (from, request) -> {
            arrived.countDown();
            return new CompletableFuture<>();
        });
        Peer peer = connect(alpha, beta);
        CompletableFuture<Envelope> first = peer.request(ping("1"), Duration.ofSeconds(60));
        CompletableFuture<Envelope> second = peer.request(ping("2"), Duration.ofSeconds(60));
        assertTrue(arrived.await(WAIT_SECONDS, TimeUnit.SECONDS), "both requests reached beta");

        beta.close();

        for (CompletableFuture<Envelope> pending : java.util.List.of(first, second)) {
            ExecutionException failure = assertThrows(ExecutionException.class, () -> pending.get(WAIT_SECONDS, TimeUnit.SECONDS));
            assertTrue(failure.getCause().getMessage().contains("connection to node beta lost"), failure.getCause().getMessage());
            assertTrue(failure.getCause().getMessage().contains("shutting down"), failure.getCause().getMessage());
        }
        ExecutionException late = assertThrows(ExecutionException.class,
                () -> peer.request(ping("3"), Duration.ofSeconds(60)).get(WAIT_SECONDS, TimeUnit.SECONDS));
        assertInstanceOf(TransportException.class, late.getCause());
    }

    @Test
    void failingHandlerIsAnsweredWithItsMessageAndTheConnectionStays() throws Exception {
        TransportNode alpha = nodes.start("alpha");
        TransportNode beta = nodes.start("beta");
        beta.handle(BodyCase.PING, (from, request) -> {
            throw new IllegalStateException("no pings today");
        });
        Peer peer = connect(alpha, beta);
        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> peer.request(ping("x"), Duration.ofSeconds(5)).get(WAIT_SECONDS, TimeUnit.SECONDS));
        assertEquals("no pings today", failure.getCause().getMessage());
        assertTrue(peer.isConnected());
    }

    @Test
    void requestNobodyHandlesIsAnsweredWithAnErrorNamingItsBody() throws Exception {
        TransportNode alpha = nodes.start("alpha");
        TransportNode beta = nodes.start("beta");
        Peer peer = connect(alpha, beta);
        Envelope pong = Envelope.newBuilder().setPong(Pong.getDefaultInstance()).build();
        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> peer.request(pong, Duration.ofSeconds(5)).get(WAIT_SECONDS, TimeUnit.SECONDS));
        assertTrue(failure.getCause().getMessage().contains("no handler for PONG"), failure.getCause().getMessage());
    }

    @Test
    void listenerThatThrowsDoesNotStopOthers() throws Exception {
        TransportNode alpha = nodes.start("alpha");
        TransportNode beta = nodes.start("beta");
        alpha.addListener(new io.colony.transport.api.PeerListener() {
            @Override
            public void peerConnected(Peer peer) {
                throw new IllegalStateException("boom");
            }
        });
        RecordingListener second = new RecordingListener();
        alpha.addListener(second);
        connect(alpha, beta);
        assertEquals("beta", second.nextConnected().nodeId());
        assertTrue(nodes.log(alpha).contains("failed on peerConnected"));
    }
}
