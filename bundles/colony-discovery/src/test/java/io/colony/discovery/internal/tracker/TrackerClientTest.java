package io.colony.discovery.internal.tracker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.colony.api.node.Role;
import io.colony.discovery.internal.NodeAdvert;
import io.colony.discovery.internal.peers.Candidate;
import io.colony.discovery.internal.peers.CandidateSink;
import io.colony.discovery.internal.peers.HostAndPort;
import io.colony.discovery.internal.testsupport.RecordingLogger;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TrackerClientTest {

    private static final String HOSTS_AVAILABLE = """
            {"masters":[
               {"addr":"10.0.0.1","port":7001,"data":{"id":"m1","cluster":"lab","roles":["manager","worker"],"rack":"r1"}},
               {"addr":"10.0.0.9","port":7009,"data":{"id":"self","cluster":"lab","roles":["manager"]}}],
             "workers":[
               {"addr":"10.0.0.1","port":7001,"data":{"id":"m1","cluster":"lab","roles":["manager","worker"],"rack":"r1"}},
               {"addr":"10.0.0.2","port":7002,"data":{"id":"w2","cluster":"lab","roles":["worker"],"gpu":true}},
               {"addr":"10.0.0.3","port":7003,"data":{"id":"x3","cluster":"prod","roles":["worker"]}},
               {"addr":"10.0.0.4","port":0,"data":{"id":"broken","cluster":"lab"}}]}
            """;

    private final NodeAdvert self = new NodeAdvert("self", "lab", Set.of(Role.MANAGER), 7009, Map.of("gpu", "false"));
    private final RecordingLogger log = new RecordingLogger();
    private final AtomicReference<String> announced = new AtomicReference<>();
    private final AtomicInteger announcements = new AtomicInteger();
    private final List<Candidate> candidates = new CopyOnWriteArrayList<>();
    private final CandidateSink sink = new CandidateSink() {
        @Override
        public void discovered(Candidate candidate) {
            candidates.add(candidate);
        }

        @Override
        public void removed(String key) {
        }

        @Override
        public void replaceAll(String source, Collection<Candidate> current) {
            candidates.clear();
            candidates.addAll(current);
        }
    };
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private HttpServer tracker;

    @BeforeEach
    void startTracker() throws IOException {
        tracker = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        tracker.createContext("/announce", exchange -> {
            announced.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            announcements.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        tracker.createContext("/hostsAvailable", exchange -> {
            byte[] body = HOSTS_AVAILABLE.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        tracker.start();
    }

    @AfterEach
    void stopTracker() {
        tracker.stop(0);
    }

    private TrackerClient client() {
        return new TrackerClient(new HostAndPort("127.0.0.1", tracker.getAddress().getPort()), self, http, sink, log.logger());
    }

    @Test
    void announcesIdClusterRolesTransportPortAndUserData() throws IOException {
        client().poll();

        JsonNode body = new ObjectMapper().readTree(announced.get());
        assertEquals("self", body.path("id").asText());
        assertEquals("lab", body.path("cluster").asText());
        assertEquals("[\"manager\"]", body.path("roles").toString());
        assertEquals(7009, body.path("port").asInt());
        assertEquals("{\"gpu\":\"false\"}", body.path("data").toString());
        assertEquals(Set.of("id", "cluster", "roles", "port", "data"), Set.copyOf(iterableToList(body.fieldNames())));
    }

    private static List<String> iterableToList(java.util.Iterator<String> names) {
        List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    @Test
    void otherNodesOfTheSameClusterBecomeCandidatesOnce() {
        client().poll();

        assertEquals(List.of(
                new Candidate("tracker:m1", Candidate.TRACKER, new HostAndPort("10.0.0.1", 7001), Optional.of("m1"), Map.of("rack", "r1")),
                new Candidate("tracker:w2", Candidate.TRACKER, new HostAndPort("10.0.0.2", 7002), Optional.of("w2"), Map.of("gpu", "true"))),
                candidates);
    }

    @Test
    void hostsAvailableParsingKeepsRolesAndSkipsBrokenEntries() {
        List<TrackerMessages.TrackedNode> nodes = TrackerMessages.hostsAvailable(HOSTS_AVAILABLE);

        assertEquals(List.of("m1", "self", "w2", "x3"), nodes.stream().map(node -> node.advert().id()).toList());
        assertEquals(Set.of(Role.MANAGER, Role.WORKER), nodes.get(0).advert().roles());
        assertEquals(List.of(), TrackerMessages.hostsAvailable("{}"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TrackerMessages.hostsAvailable("[1]")).getMessage().contains("not a JSON object"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TrackerMessages.hostsAvailable("<html>")).getMessage().contains("not JSON"));
    }

    @Test
    void unreachableTrackerIsLoggedOncePerOutage() {
        TrackerClient client = client();
        client.poll();
        int port = tracker.getAddress().getPort();
        tracker.stop(0);

        client.poll();
        client.poll();
        client.poll();

        assertEquals(1, log.at("warn").size(), "one warning for the outage: " + log.at("warn"));
        assertTrue(log.at("warn").get(0).startsWith("Tracker 127.0.0.1:" + port + " unreachable"));
        assertEquals(2, candidates.size(), "the last known candidates are kept during the outage");
    }

    @Test
    void trackerAnsweringWithAnErrorCountsAsAnOutageAndRecoveryIsLogged() throws IOException {
        tracker.removeContext("/hostsAvailable");
        TrackerClient client = client();

        client.poll();
        client.poll();
        assertEquals(1, log.at("warn").size());
        assertTrue(log.at("warn").get(0).contains("HTTP 404"), log.at("warn").get(0));

        tracker.createContext("/hostsAvailable", exchange -> {
            byte[] body = "{\"masters\":[],\"workers\":[]}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        client.poll();

        assertEquals(List.of("Tracker 127.0.0.1:" + tracker.getAddress().getPort() + " reachable again"), log.at("info"));
        assertEquals(3, announcements.get());
    }
}
