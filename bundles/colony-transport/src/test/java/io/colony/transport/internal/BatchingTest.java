package io.colony.transport.internal;

import static io.colony.transport.internal.TestNodes.WAIT_SECONDS;
import static io.colony.transport.internal.TestNodes.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.transport.proto.Envelope;
import io.colony.transport.proto.Envelope.BodyCase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BatchingTest {

    private static final int MESSAGES = 10_000;

    private final TestNodes nodes = new TestNodes();

    @AfterEach
    void closeNodes() {
        nodes.close();
    }

    @Test
    void sendsOfOneEventLoopTurnGoOutWithOneFlush() throws Exception {
        TransportNode alpha = nodes.start("alpha");
        TransportNode beta = nodes.start("beta");
        CountDownLatch received = countPings(beta);
        PeerConnection peer = ((NodePeer) connect(alpha, beta)).connection();
        long flushesBefore = peer.flushes();

        List<CompletableFuture<Void>> sent = new ArrayList<>();
        peer.channel().eventLoop().submit(() -> {
            for (int i = 0; i < MESSAGES; i++) {
                sent.add(peer.send(TestNodes.ping("m" + i)));
            }
        }).get(WAIT_SECONDS, TimeUnit.SECONDS);

        assertTrue(received.await(WAIT_SECONDS, TimeUnit.SECONDS), "all messages arrived");
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertEquals(1, peer.flushes() - flushesBefore, "one flush for the whole turn");
    }

    @Test
    void tenThousandSendsFromAnotherThreadCompleteQuicklyWithFewerFlushesThanMessages() throws Exception {
        TransportNode alpha = nodes.start("alpha");
        TransportNode beta = nodes.start("beta");
        CountDownLatch received = countPings(beta);
        PeerConnection peer = ((NodePeer) connect(alpha, beta)).connection();
        long flushesBefore = peer.flushes();
        long start = System.nanoTime();

        for (int i = 0; i < MESSAGES; i++) {
            peer.send(TestNodes.ping("m" + i));
        }

        assertTrue(received.await(WAIT_SECONDS, TimeUnit.SECONDS), "all messages arrived");
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        long flushes = peer.flushes() - flushesBefore;
        assertTrue(millis < 5000, MESSAGES + " messages took " + millis + " ms");
        assertTrue(flushes < MESSAGES, flushes + " flushes for " + MESSAGES + " messages");
    }

    private static CountDownLatch countPings(TransportNode node) {
        CountDownLatch received = new CountDownLatch(MESSAGES);
        node.handle(BodyCase.PING, (from, message) -> {
            received.countDown();
            return CompletableFuture.completedFuture(Envelope.getDefaultInstance());
        });
        return received;
    }
}
