package io.colony.discovery.internal.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.colony.discovery.internal.testsupport.FakePeer;
import io.colony.discovery.internal.testsupport.FakeTransport;
import io.colony.discovery.internal.testsupport.MutableClock;
import io.colony.discovery.internal.testsupport.RecordingLogger;
import io.colony.transport.api.Peer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class PeerConnectorTest {

    private final MutableClock clock = new MutableClock();
    private final RecordingLogger log = new RecordingLogger();
    private final FakeTransport transport = new FakeTransport("self", 7000);
    private final Map<String, Map<String, String>> described = new ConcurrentHashMap<>();
    private final PeerConnector connector = new PeerConnector(transport,
            new Backoff(Duration.ofMillis(500), Duration.ofMillis(2000)), clock, described::put, log.logger());

    private static Candidate mdns(String id, String host, int port) {
        return new Candidate("mdns:" + id, Candidate.MDNS, new HostAndPort(host, port), Optional.of(id), Map.of("gpu", "true"));
    }

    private void acceptConnections() {
        transport.onConnect((host, port) -> {
            FakePeer peer = new FakePeer("node-" + port, java.util.Set.of("worker"), host, port);
            transport.addPeer(peer);
            return CompletableFuture.completedFuture((Peer) peer);
        });
    }

    @Test
    void staticPeerIsConnectedOnTheFirstTickAndNotAgainWhileConnected() {
        acceptConnections();
        connector.discovered(Candidate.staticPeer(HostAndPort.parse("10.0.0.9:7001")));

        connector.tick();
        clock.advance(Duration.ofSeconds(5));
        connector.tick();
        connector.tick();

        assertEquals(List.of("10.0.0.9:7001"), transport.attempts());
    }

    @Test
    void failedAttemptsBackOffDoublingUpToTheMaximum() {
        connector.discovered(Candidate.staticPeer(HostAndPort.parse("10.0.0.9:7001")));
        connector.tick(); // fails: next in 500 ms
        clock.advance(Duration.ofMillis(499));
        connector.tick();
        assertEquals(1, transport.attempts().size());

        clock.advance(Duration.ofMillis(1));
        connector.tick(); // fails: next in 1000 ms
        assertEquals(2, transport.attempts().size());
        clock.advance(Duration.ofMillis(999));
        connector.tick();
        assertEquals(2, transport.attempts().size());
        clock.advance(Duration.ofMillis(1));
        connector.tick(); // fails: next in 2000 ms (the maximum)
        clock.advance(Duration.ofMillis(2000));
        connector.tick(); // fails: still 2000 ms
        clock.advance(Duration.ofMillis(1999));
        connector.tick();

        assertEquals(4, transport.attempts().size());
        assertEquals(1, log.at("info").size(), "the first failure is logged, the retries go to debug");
    }

    @Test
    void lostPeerIsReconnectedWhileItRemainsACandidate() {
        acceptConnections();
        connector.discovered(mdns("node-7001", "10.0.0.9", 7001));
        connector.tick();
        transport.losePeer(transport.peer("node-7001").orElseThrow(), "reset");

        connector.tick();

        assertEquals(2, transport.attempts().size());
    }

    @Test
    void removedCandidateIsNoLongerTried() {
        connector.discovered(mdns("a", "10.0.0.1", 7001));
        connector.tick();
        connector.removed("mdns:a");
        clock.advance(Duration.ofMinutes(1));

        connector.tick();

        assertEquals(1, transport.attempts().size());
    }

    @Test
    void replaceAllDropsOnlyThatSourcesStaleCandidates() {
        connector.discovered(Candidate.staticPeer(HostAndPort.parse("10.0.0.9:7001")));
        Candidate fromTracker = new Candidate("tracker:a", Candidate.TRACKER, new HostAndPort("10.0.0.1", 7001), Optional.of("a"), Map.of());
        Candidate alsoFromTracker = new Candidate("tracker:b", Candidate.TRACKER, new HostAndPort("10.0.0.2", 7001), Optional.of("b"), Map.of());
        connector.replaceAll(Candidate.TRACKER, List.of(fromTracker, alsoFromTracker));

        connector.replaceAll(Candidate.TRACKER, List.of(alsoFromTracker));

        assertEquals(List.of("static:10.0.0.9:7001", "tracker:b"), connector.candidates().stream().map(Candidate::key).toList());
    }

    @Test
    void userDataOfIdentifiedCandidatesIsPassedOn() {
        connector.discovered(mdns("a", "10.0.0.1", 7001));

        assertEquals(Map.of("a", Map.of("gpu", "true")), described);
    }

    @Test
    void connectThatThrowsCountsAsAFailure() {
        transport.onConnect((host, port) -> {
            throw new IllegalStateException("transport stopping");
        });
        connector.discovered(Candidate.staticPeer(HostAndPort.parse("10.0.0.9:7001")));

        connector.tick();
        connector.tick();

        assertEquals(1, transport.attempts().size());
        assertEquals(1, log.at("info").size());
    }

    @Test
    void backoffDelays() {
        Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofMillis(10_000));

        assertEquals(List.of(500L, 1000L, 2000L, 4000L, 8000L, 10_000L, 10_000L),
                List.of(1, 2, 3, 4, 5, 6, 100).stream().map(n -> backoff.delayAfter(n).toMillis()).toList());
    }
}
