package io.colony.transport.internal.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.colony.api.message.MessageListener;
import io.colony.api.node.Role;
import io.colony.api.plugin.Payload;
import io.colony.transport.internal.LocalNode;
import io.colony.transport.internal.TransportLog;
import io.colony.transport.internal.TransportNode;
import io.colony.transport.internal.TransportSettings;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Two real transports on 127.0.0.1, each with its messenger: messages cross the wire both ways. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MessagesOverTheTransportTest {

    private static final byte[] SECRET = "the-cluster-secret".getBytes(StandardCharsets.UTF_8);
    /** The transports' own lines (a peer closing when the test ends) are not what this test checks. */
    private static final TransportLog QUIET = new TransportLog() {
        @Override
        public void debug(String message) {
        }

        @Override
        public void info(String message) {
        }

        @Override
        public void warn(String message) {
        }
    };

    private final TransportNode managerNode = start("manager-1", "manager");
    private final TransportNode workerNode = start("worker-1", "worker");
    private final RecordingLogger log = new RecordingLogger();

    private static TransportNode start(String id, String role) {
        return TransportNode.start(new LocalNode(id, "colony", Set.of(role), SECRET), TransportSettings.loopback(), QUIET, null);
    }

    @AfterEach
    void stop() {
        workerNode.close();
        managerNode.close();
    }

    private record Message(String from, String topic, Payload data, String thread) {
    }

    private static MessageListener into(BlockingQueue<Message> queue) {
        return (from, topic, data) -> queue.add(new Message(from, topic, data, Thread.currentThread().getName()));
    }

    @Test
    void aWorkerReachesItsManagersAndTheManagerAnswersTheWorker() throws Exception {
        ClusterMessenger manager = new ClusterMessenger(managerNode, log.logger());
        ClusterMessenger worker = new ClusterMessenger(workerNode, log.logger());
        BlockingQueue<Message> atManager = new LinkedBlockingQueue<>();
        BlockingQueue<Message> atWorker = new LinkedBlockingQueue<>();
        manager.addListener(into(atManager), Map.of(MessageListener.TOPIC, "progress/render"));
        worker.addListener(into(atWorker), Map.of(MessageListener.TOPIC, new String[] {"*"}));
        workerNode.connect("127.0.0.1", managerNode.port()).get(10, TimeUnit.SECONDS);

        assertEquals(List.of("manager-1"), worker.sendToAll(Role.MANAGER, "progress/render", Payload.json("{\"done\":0.5}")));
        Message arrived = atManager.poll(10, TimeUnit.SECONDS);
        assertEquals(new Message("worker-1", "progress/render", Payload.json("{\"done\":0.5}"), arrived.thread()), arrived);
        assertNotEquals(Thread.currentThread().getName(), arrived.thread(), "listeners run on the transport's thread");

        awaitPeer(managerNode, "worker-1");
        manager.send("worker-1", "cancel", Payload.text("tile 3")).get(10, TimeUnit.SECONDS);
        Message answer = atWorker.poll(10, TimeUnit.SECONDS);
        assertEquals("manager-1 cancel tile 3", answer.from() + " " + answer.topic() + " " + answer.data().asText());
        assertEquals(List.of(), log.lines("WARN"));
    }

    /** The accepting side registers the peer once the handshake ends, a moment after the connecting side does. */
    private static void awaitPeer(TransportNode node, String peerId) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (node.peer(peerId).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }
}
