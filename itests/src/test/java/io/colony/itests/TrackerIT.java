package io.colony.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;

/**
 * Nodes that cannot multicast (--local) find each other through a tracker node; the tracker's
 * /hostsAvailable has the documented shape and forgets a node whose announcements stop; a node with
 * the wrong cluster secret reaches the tracker but no peer lets it join.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class TrackerIT {

    private static final int TRACKER_PORT = 44291;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static NodeProcess tracker;
    private static NodeProcess manager;
    private static NodeProcess worker;
    private static NodeProcess intruder;

    @BeforeClass
    public static void startNodes() throws Exception {
        String secret = randomSecret();
        tracker = start("tracker", "tracker", secret, Map.of("io.colony.tracker.cfg", "port = " + TRACKER_PORT + "\nttl.ms = 3000"));
        Map<String, String> useTracker = Map.of("io.colony.discovery.cfg", "tracker = 127.0.0.1:" + TRACKER_PORT + "\ntracker.interval.ms = 1000");
        manager = start("manager", "manager", secret, useTracker);
        worker = start("worker", "worker", secret, useTracker);
        intruder = start("intruder", "worker", randomSecret(), useTracker);
    }

    private static NodeProcess start(String name, String roles, String secret, Map<String, String> settings) throws Exception {
        Path home = Files.createTempDirectory(Path.of(System.getProperty("user.dir"), "target"), "tracker-" + name + "-");
        Map<String, String> all = new java.util.HashMap<>(settings);
        all.merge("io.colony.node.cfg", "cluster.secret = " + secret, (a, b) -> a + "\n" + b);
        NodeProcess.prepareHome(home, all);
        return NodeProcess.start(home, "--local", "--roles", roles);
    }

    private static String randomSecret() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return HexFormat.of().formatHex(key);
    }

    @AfterClass
    public static void stopNodes() throws Exception {
        for (NodeProcess node : new NodeProcess[] {tracker, manager, worker, intruder}) {
            if (node != null) {
                node.close();
            }
        }
    }

    @Test
    public void a_nodesFindEachOtherThroughTheTracker() throws Exception {
        String workerId = worker.id();
        String managerId = manager.id();
        manager.awaitClient(result -> ClusterIT.row(result.out(), workerId).contains(" available "), TIMEOUT, "colony:nodes");
        worker.awaitClient(result -> ClusterIT.row(result.out(), managerId).contains(" available "), TIMEOUT, "colony:nodes");
    }

    @Test
    public void b_hostsAvailableHasTheDocumentedShape() throws Exception {
        String managerId = manager.id();
        String workerId = worker.id();
        JsonNode hosts = awaitHosts(body -> contains(body.get("masters"), managerId) && contains(body.get("workers"), workerId));
        JsonNode master = find(hosts.get("masters"), managerId);
        assertEquals("127.0.0.1", master.get("addr").asText());
        assertTrue(master.toString(), master.get("port").isInt() && master.get("port").asInt() > 0);
        assertEquals("colony", master.get("data").get("cluster").asText());
        assertTrue(master.toString(), master.get("data").get("roles").toString().contains("manager"));
        assertFalse("a worker-only node is no master", contains(hosts.get("masters"), workerId));
    }

    @Test
    public void c_aNodeWithTheWrongSecretIsRefused() throws Exception {
        String intruderId = intruder.id();
        awaitHosts(body -> contains(body.get("workers"), intruderId));
        Path log = manager.home().resolve("log/colony.log");
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!Files.readString(log).contains("authentication failed") && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertTrue("the manager logged the refusal", Files.readString(log).contains("authentication failed"));
        NodeProcess.Result nodes = manager.client("colony:nodes");
        assertEquals("", ClusterIT.row(nodes.out(), intruderId));
    }

    @Test
    public void d_aNodeWhoseAnnouncementsStopExpires() throws Exception {
        String workerId = worker.id();
        worker.process().destroyForcibly();
        assertTrue(worker.process().waitFor(10, TimeUnit.SECONDS));
        awaitHosts(body -> !contains(body.get("workers"), workerId));
    }

    private static JsonNode awaitHosts(Predicate<JsonNode> check) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        JsonNode body = hostsAvailable();
        while (!check.test(body)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("after " + TIMEOUT + ", /hostsAvailable still answered " + body);
            }
            Thread.sleep(200);
            body = hostsAvailable();
        }
        return body;
    }

    private static JsonNode hostsAvailable() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + TRACKER_PORT + "/hostsAvailable"))
                .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(response.body(), 200, response.statusCode());
        return new ObjectMapper().readTree(response.body());
    }

    private static boolean contains(JsonNode entries, String id) {
        return find(entries, id) != null;
    }

    private static JsonNode find(JsonNode entries, String id) {
        for (JsonNode entry : entries) {
            if (id.equals(entry.path("data").path("id").asText())) {
                return entry;
            }
        }
        return null;
    }
}
