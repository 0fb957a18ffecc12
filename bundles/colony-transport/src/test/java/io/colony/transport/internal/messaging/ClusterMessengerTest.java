package io.colony.transport.internal.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.colony.api.message.MessageListener;
import io.colony.api.message.Messenger;
import io.colony.api.node.Role;
import io.colony.api.plugin.Payload;
import io.colony.transport.proto.Chunk;
import io.colony.transport.proto.Envelope;
import io.colony.transport.proto.Envelope.BodyCase;
import io.colony.transport.proto.UserMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ClusterMessengerTest {

    private final RecordingLogger log = new RecordingLogger();
    private final FakePeer worker1 = new FakePeer("worker-1", "worker");
    private final FakePeer worker2 = new FakePeer("worker-2", "manager", "worker");
    private final FakePeer manager = new FakePeer("manager-1", "manager");
    private final FakePeer gone = new FakePeer("worker-3", "worker").disconnected();
    private final FakeTransport transport = new FakeTransport("self", worker1, worker2, manager, gone);
    private final ClusterMessenger messenger = new ClusterMessenger(transport, log.logger());

    /** A listener that keeps "from topic text" for each message. */
    private static final class Inbox implements MessageListener {
        final List<String> received = new ArrayList<>();

        @Override
        public void received(String fromNodeId, String topic, Payload data) {
            received.add(fromNodeId + " " + topic + " " + data.asText());
        }
    }

    private static Map<String, Object> topics(Object topics) {
        return Map.of(MessageListener.TOPIC, topics, "service.id", 7L);
    }

    private static Envelope incoming(String topic, Payload data) {
        return Envelope.newBuilder().setUserMessage(UserMessage.newBuilder().setTopic(topic)
                .setData(Chunk.newBuilder().setData(ByteString.copyFrom(data.bytes())).setContentType(data.contentType()))).build();
    }

    private static Throwable failureOf(CompletableFuture<?> future) {
        ExecutionException failure = assertThrows(ExecutionException.class, () -> future.get(5, TimeUnit.SECONDS));
        return failure.getCause();
    }

    @Test
    void sendWritesOneUserMessageWithTopicAndDataToThatPeer() throws Exception {
        messenger.send("worker-1", "render/tiles", Payload.json("{\"tile\":3}")).get(5, TimeUnit.SECONDS);
        assertEquals(1, worker1.sent().size());
        Envelope envelope = worker1.sent().get(0);
        assertEquals(0, envelope.getCorrelationId(), "a message is one-way");
        assertEquals(BodyCase.USER_MESSAGE, envelope.getBodyCase());
        assertEquals("render/tiles", envelope.getUserMessage().getTopic());
        assertEquals("{\"tile\":3}", envelope.getUserMessage().getData().getData().toStringUtf8());
        assertEquals(Payload.JSON, envelope.getUserMessage().getData().getContentType());
        assertTrue(worker2.sent().isEmpty());
    }

    @Test
    void sendToANodeThatIsNotConnectedFailsNamingTheNode() {
        Throwable unknown = failureOf(messenger.send("nobody", "a", Payload.text("x")));
        assertInstanceOf(NoSuchElementException.class, unknown);
        assertEquals("node nobody is not connected", unknown.getMessage());
        Throwable closed = failureOf(messenger.send("worker-3", "a", Payload.text("x")));
        assertEquals("node worker-3 is not connected", closed.getMessage());
        Throwable self = failureOf(messenger.send("self", "a", Payload.text("x")));
        assertEquals("node self is this node; messages go to other nodes", self.getMessage());
    }

    @Test
    void sendRefusesBadTopicsWithTheReasonAndSendsNothing() {
        assertEquals("the topic is empty", failureOf(messenger.send("worker-1", "", Payload.text("x"))).getMessage());
        assertInstanceOf(IllegalArgumentException.class, failureOf(messenger.send("worker-1", null, Payload.text("x"))));
        String tooLong = "t".repeat(Topics.MAX_LENGTH + 1);
        assertTrue(failureOf(messenger.send("worker-1", tooLong, Payload.text("x"))).getMessage()
                .endsWith("has 201 characters, more than 200"));
        Throwable space = failureOf(messenger.send("worker-1", "render tiles", Payload.text("x")));
        assertInstanceOf(IllegalArgumentException.class, space);
        assertEquals("the topic 'render tiles' has U+0020 at position 7; a topic has only letters, digits and . _ - /",
                space.getMessage());
        assertTrue(failureOf(messenger.send("worker-1", "jobs:42", Payload.text("x"))).getMessage().contains("':' (U+003A)"));
        assertTrue(worker1.sent().isEmpty());
    }

    @Test
    void topicsOfEveryAllowedCharacterUpToTheLongestAreSent() throws Exception {
        messenger.send("worker-1", "Jobs.42_tile-3/done", Payload.empty()).get(5, TimeUnit.SECONDS);
        messenger.send("worker-1", "t".repeat(Topics.MAX_LENGTH), Payload.empty()).get(5, TimeUnit.SECONDS);
        assertEquals(2, worker1.sent().size());
    }

    @Test
    void sendRefusesDataAboveTheLimit() throws Exception {
        Payload tooMuch = Payload.of(new byte[Messenger.MAX_DATA_BYTES + 1], Payload.BINARY);
        Throwable failure = failureOf(messenger.send("worker-1", "big", tooMuch));
        assertInstanceOf(IllegalArgumentException.class, failure);
        assertTrue(failure.getMessage().contains("has 8388609 bytes, more than the limit of 8388608"), failure.getMessage());
        assertTrue(worker1.sent().isEmpty());
        messenger.send("worker-1", "big", Payload.of(new byte[Messenger.MAX_DATA_BYTES], Payload.BINARY)).get(5, TimeUnit.SECONDS);
        assertEquals(Messenger.MAX_DATA_BYTES, worker1.sent().get(0).getUserMessage().getData().getData().size());
    }

    @Test
    void aWriteThatFailsFailsTheFutureAndIsLogged() {
        worker1.failingWrites("connection reset");
        assertEquals("connection reset", failureOf(messenger.send("worker-1", "a", Payload.text("x"))).getMessage());
        assertEquals(List.of("Messages: the message on topic 'a' to node worker-1 was not sent: "
                + "io.colony.transport.api.TransportException: connection reset"), log.lines("WARN"));
    }

    @Test
    void sendToAllReachesEveryConnectedPeerAnnouncingTheRole() {
        List<String> sentTo = messenger.sendToAll(Role.WORKER, "cache/clear", Payload.text("now"));
        assertEquals(List.of("worker-1", "worker-2"), sentTo);
        assertEquals("cache/clear", worker1.sent().get(0).getUserMessage().getTopic());
        assertEquals(1, worker2.sent().size());
        assertTrue(manager.sent().isEmpty());
        assertTrue(gone.sent().isEmpty());
        assertEquals(List.of("manager-1", "worker-2"), messenger.sendToAll(Role.MANAGER, "hello", Payload.empty()));
        assertEquals(List.of(), messenger.sendToAll(Role.TRACKER, "hello", Payload.empty()));
    }

    @Test
    void sendToAllStillReachesTheOthersWhenOneWriteFails() {
        worker1.failingWrites("connection reset");
        assertEquals(List.of("worker-1", "worker-2"), messenger.sendToAll(Role.WORKER, "cache/clear", Payload.empty()));
        assertEquals(1, worker2.sent().size());
        assertEquals(1, log.lines("WARN").size());
        assertTrue(log.lines("WARN").get(0).contains("to node worker-1 was not sent"));
    }

    @Test
    void sendToAllRefusesABadTopicOrTooMuchDataBeforeSendingAnything() {
        IllegalArgumentException topic = assertThrows(IllegalArgumentException.class,
                () -> messenger.sendToAll(Role.WORKER, "a b", Payload.empty()));
        assertTrue(topic.getMessage().startsWith("the topic 'a b' has U+0020"), topic.getMessage());
        assertThrows(IllegalArgumentException.class, () -> messenger.sendToAll(Role.WORKER, "a",
                Payload.of(new byte[Messenger.MAX_DATA_BYTES + 1], Payload.BINARY)));
        assertTrue(worker1.sent().isEmpty());
        assertTrue(worker2.sent().isEmpty());
    }

    @Test
    void anIncomingMessageGoesToTheListenersOfItsTopicAndOfEveryTopic() throws Exception {
        Inbox single = new Inbox();
        Inbox several = new Inbox();
        Inbox everything = new Inbox();
        Inbox other = new Inbox();
        messenger.addListener(single, topics("progress"));
        messenger.addListener(several, topics(new String[] {"status", "progress"}));
        messenger.addListener(everything, topics("*"));
        messenger.addListener(other, topics(List.of("status")));

        Envelope answer = transport.receive(worker1, incoming("progress", Payload.text("50%"))).get(5, TimeUnit.SECONDS);

        assertEquals(BodyCase.BODY_NOT_SET, answer.getBodyCase());
        assertEquals(List.of("worker-1 progress 50%"), single.received);
        assertEquals(List.of("worker-1 progress 50%"), several.received);
        assertEquals(List.of("worker-1 progress 50%"), everything.received);
        assertEquals(List.of(), other.received);
    }

    @Test
    void theListenerGetsTheContentTypeThatWasSent() throws Exception {
        List<Payload> received = new ArrayList<>();
        messenger.addListener((from, topic, data) -> received.add(data), topics("tile"));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
        transport.receive(worker1, incoming("tile", Payload.of(png, Payload.PNG))).get(5, TimeUnit.SECONDS);
        assertEquals(List.of(Payload.of(png, Payload.PNG)), received);
    }

    @Test
    void aListenerThatThrowsIsLoggedAndTheOthersStillGetTheMessage() throws Exception {
        Inbox after = new Inbox();
        messenger.addListener((from, topic, data) -> {
            throw new IllegalStateException("listener broke");
        }, Map.of(MessageListener.TOPIC, "progress", "component.name", "broken.listener", "service.id", 3L));
        messenger.addListener(after, topics("progress"));

        transport.receive(worker1, incoming("progress", Payload.text("1"))).get(5, TimeUnit.SECONDS);

        assertEquals(List.of("worker-1 progress 1"), after.received);
        assertEquals(List.of("Messages: listener broken.listener (service 3) failed on a message on topic 'progress' from node "
                + "worker-1: java.lang.IllegalStateException: listener broke"), log.lines("WARN"));
    }

    @Test
    void aMessageWithABadTopicIsLoggedAndDropped() throws Exception {
        Inbox everything = new Inbox();
        messenger.addListener(everything, topics("*"));

        Envelope answer = transport.receive(worker2, incoming("bad topic\n", Payload.text("x"))).get(5, TimeUnit.SECONDS);

        assertEquals(BodyCase.BODY_NOT_SET, answer.getBodyCase(), "a dropped message still ends the transport's handling");
        assertEquals(List.of(), everything.received);
        assertEquals(List.of("Messages: dropped a message from node worker-2: the topic 'bad topic?' has U+0020 at position 4; "
                + "a topic has only letters, digits and . _ - /"), log.lines("WARN"));
    }

    @Test
    void aMessageWithoutAContentTypeOrWithTooMuchDataIsLoggedAndDropped() throws Exception {
        Inbox everything = new Inbox();
        messenger.addListener(everything, topics("*"));
        Envelope untyped = Envelope.newBuilder().setUserMessage(UserMessage.newBuilder().setTopic("t")
                .setData(Chunk.newBuilder().setData(ByteString.copyFromUtf8("x")))).build();
        Envelope huge = incoming("t", Payload.of(new byte[Messenger.MAX_DATA_BYTES + 1], Payload.BINARY));

        transport.receive(worker1, untyped).get(5, TimeUnit.SECONDS);
        transport.receive(worker1, huge).get(5, TimeUnit.SECONDS);

        assertEquals(List.of(), everything.received);
        List<String> warnings = log.lines("WARN");
        assertEquals(2, warnings.size());
        assertTrue(warnings.get(0).startsWith("Messages: dropped a message from node worker-1: the data of the message on topic 't' "
                + "is not usable: content type '' is not of the form type/subtype"), warnings.get(0));
        assertTrue(warnings.get(1).contains("has 8388609 bytes, more than the limit"), warnings.get(1));
    }

    @Test
    void aMessageWithoutDataArrivesAsAnEmptyPayload() throws Exception {
        List<Payload> received = new ArrayList<>();
        messenger.addListener((from, topic, data) -> received.add(data), topics("ping"));
        transport.receive(worker1, Envelope.newBuilder().setUserMessage(UserMessage.newBuilder().setTopic("ping")).build())
                .get(5, TimeUnit.SECONDS);
        assertEquals(List.of(Payload.empty()), received);
    }

    @Test
    void changedTopicsApplyAndARemovedListenerGetsNothing() throws Exception {
        Inbox inbox = new Inbox();
        messenger.addListener(inbox, topics("a"));
        messenger.updatedListener(inbox, topics("b"));
        transport.receive(worker1, incoming("a", Payload.text("1"))).get(5, TimeUnit.SECONDS);
        transport.receive(worker1, incoming("b", Payload.text("2"))).get(5, TimeUnit.SECONDS);
        messenger.removeListener(inbox);
        transport.receive(worker1, incoming("b", Payload.text("3"))).get(5, TimeUnit.SECONDS);
        assertEquals(List.of("worker-1 b 2"), inbox.received);
    }

    @Test
    void aListenerWithoutTopicsIsReportedAndReceivesNothing() throws Exception {
        Inbox inbox = new Inbox();
        messenger.addListener(inbox, Map.of("component.name", "silent", "service.id", 9L));
        messenger.addListener(new Inbox(), topics(new String[] {"ok", "not ok"}));
        transport.receive(worker1, incoming("a", Payload.text("1"))).get(5, TimeUnit.SECONDS);
        assertEquals(List.of(), inbox.received);
        List<String> warnings = log.lines("WARN");
        assertEquals("Messages: listener silent (service 9) receives nothing: its service property colony.message.topic is missing; "
                + "give a topic, several, or *", warnings.get(0));
        assertTrue(warnings.get(1).contains("names a topic no message can have: the topic 'not ok'"), warnings.get(1));
    }

    @Test
    void deactivationStopsHandlingMessages() {
        assertTrue(transport.handles(BodyCase.USER_MESSAGE));
        messenger.deactivate();
        assertFalse(transport.handles(BodyCase.USER_MESSAGE));
    }
}
