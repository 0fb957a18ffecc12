package io.colony.transport.internal;

import io.colony.transport.api.Peer;
import io.colony.transport.proto.Envelope;
import io.colony.transport.proto.Heartbeat;
import io.colony.transport.proto.Ping;
import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Starts transports on 127.0.0.1 for one test and closes them all afterwards. */
final class TestNodes implements AutoCloseable {

    static final String SECRET = "the-cluster-secret";
    static final long WAIT_SECONDS = 10;

    private final List<TransportNode> nodes = new ArrayList<>();

    TransportNode start(String id) {
        return start(id, "colony", SECRET, TransportSettings.loopback(), null);
    }

    TransportNode start(String id, String cluster, String secret, TransportSettings settings, Supplier<Heartbeat> heartbeats) {
        TestLog log = new TestLog(id);
        TransportNode node = TransportNode.start(new LocalNode(id, cluster, Set.of("worker"), secret.getBytes(StandardCharsets.UTF_8)),
                settings.withBindAddress("127.0.0.1"), log, heartbeats);
        logs.add(log);
        nodes.add(node);
        return node;
    }

    private final List<TestLog> logs = new ArrayList<>();

    TestLog log(TransportNode node) {
        return logs.get(nodes.indexOf(node));
    }

    static Peer connect(TransportNode from, TransportNode to) throws Exception {
        return from.connect("127.0.0.1", to.port()).get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    static Envelope ping(String text) {
        return Envelope.newBuilder().setPing(Ping.newBuilder().setPayload(ByteString.copyFromUtf8(text))).build();
    }

    /** A ping round trip; returns the pong's text. */
    static String roundTrip(Peer peer, String text) throws Exception {
        return peer.request(ping(text), Duration.ofSeconds(5)).get(WAIT_SECONDS, TimeUnit.SECONDS).getPong().getPayload().toStringUtf8();
    }

    @Override
    public void close() {
        nodes.forEach(TransportNode::close);
    }
}
