package io.colony.tracker.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(30)
class TrackerServerTest {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    private static final int MAX_BODY_BYTES = 1024;

    private final ObjectMapper mapper = new ObjectMapper();
    private final RecordingLogger log = new RecordingLogger();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
    private TrackerServer server;

    @AfterEach
    void closeServer() {
        if (server != null) {
            server.close();
        }
    }

    private void start(Duration ttl, int maxEntries) {
        TrackerSettings settings = new TrackerSettings("127.0.0.1", 0, ttl, maxEntries, MAX_BODY_BYTES, 100);
        server = TrackerServer.start(settings, new NodeRegistry(new MonotonicClock(), ttl, maxEntries, new RegistryLog(log.logger)), log.logger);
    }

    private void start() {
        start(Duration.ofSeconds(10), 100);
    }

    private URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.localAddress().getPort() + pathAndQuery);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> announce(String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri("/announce")).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET());
    }

    private JsonNode json(String text) throws IOException {
        return mapper.readTree(text);
    }

    private void assertJson(String expected, HttpResponse<String> response) throws IOException {
        assertEquals(json(expected), json(response.body()), response.body());
        assertEquals(Optional.of("application/json; charset=UTF-8"), response.headers().firstValue("content-type"));
    }

    @Test
    void announceThenHostsAvailableHasTheDocumentedShape() throws Exception {
        start();
        HttpResponse<String> announced = announce("""
                {"id":"beta","cluster":"prod","roles":["worker","manager"],"port":7001,"addr":"10.0.0.5","data":{"gpu":"a100","rack":"r1"}}""");
        assertEquals(200, announced.statusCode());
        assertJson("{\"ttlMs\":10000}", announced);
        assertEquals(200, announce("{\"id\":\"alpha\",\"cluster\":\"prod\",\"roles\":[\"worker\"],\"port\":7000,\"addr\":\"10.0.0.4\"}").statusCode());

        HttpResponse<String> hosts = get("/hostsAvailable");

        assertEquals(200, hosts.statusCode());
        assertJson("""
                {"masters":[
                   {"addr":"10.0.0.5","port":7001,"data":{"id":"beta","cluster":"prod","roles":["manager","worker"],"gpu":"a100","rack":"r1"}}],
                 "workers":[
                   {"addr":"10.0.0.4","port":7000,"data":{"id":"alpha","cluster":"prod","roles":["worker"]}},
                   {"addr":"10.0.0.5","port":7001,"data":{"id":"beta","cluster":"prod","roles":["manager","worker"],"gpu":"a100","rack":"r1"}}]}
                """, hosts);
    }

    @Test
    void emptyTrackerAnswersEmptyLists() throws Exception {
        start();
        assertJson("{\"masters\":[],\"workers\":[]}", get("/hostsAvailable"));
    }

    @Test
    void addrDefaultsToTheRemoteAddressOfTheConnection() throws Exception {
        start();
        announce("{\"id\":\"n1\",\"cluster\":\"c\",\"roles\":[\"worker\"],\"port\":7000}");

        JsonNode worker = json(get("/hostsAvailable").body()).get("workers").get(0);

        assertEquals("127.0.0.1", worker.get("addr").asText());
    }

    @Test
    void clusterQueryKeepsOnlyThatClustersNodes() throws Exception {
        start();
        announce("{\"id\":\"a\",\"cluster\":\"blue\",\"roles\":[\"manager\"],\"port\":1}");
        announce("{\"id\":\"b\",\"cluster\":\"green\",\"roles\":[\"manager\"],\"port\":2}");

        JsonNode hosts = json(get("/hostsAvailable?cluster=green").body());

        assertEquals(1, hosts.get("masters").size());
        assertEquals("b", hosts.get("masters").get(0).get("data").get("id").asText());
    }

    @Test
    void nodeWhoseAnnouncementsStopDisappearsAndIsLoggedOnce() throws Exception {
        start(Duration.ofMillis(300), 100);
        announce("{\"id\":\"gone\",\"cluster\":\"c\",\"roles\":[\"worker\"],\"port\":7000}");
        announce("{\"id\":\"gone\",\"cluster\":\"c\",\"roles\":[\"worker\"],\"port\":7000}");
        assertEquals(1, json(get("/hostsAvailable").body()).get("workers").size());

        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (json(get("/hostsAvailable").body()).get("workers").size() > 0) {
            assertTrue(System.nanoTime() < deadline, "node still listed 5 s after a 300 ms ttl");
            Thread.sleep(50);
        }

        assertEquals(1, log.lines("info").stream().filter(line -> line.contains("gone") && line.contains("appeared")).count(), log.lines.toString());
        assertEquals(1, log.lines("info").stream().filter(line -> line.contains("gone") && line.contains("expired")).count(), log.lines.toString());
        assertTrue(log.lines("info").stream().anyMatch(line -> line.equals("info Tracker: node gone of cluster c at 127.0.0.1:7000 expired")), log.lines.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            missing id        | {"cluster":"c","roles":["worker"],"port":1}                             | id: required
            bad cluster       | {"id":"n","cluster":"a b","roles":["worker"],"port":1}                  | cluster: must be 1 to 63 characters of A-Z a-z 0-9 . _ -
            empty roles       | {"id":"n","cluster":"c","roles":[],"port":1}                            | roles: must be a non-empty array of "manager", "worker", "tracker"
            unknown role      | {"id":"n","cluster":"c","roles":["chief"],"port":1}                     | roles: unknown role 'chief' (expected "manager", "worker" or "tracker")
            port out of range | {"id":"n","cluster":"c","roles":["worker"],"port":70000}                | port: must be a whole number between 1 and 65535
            bad addr          | {"id":"n","cluster":"c","roles":["worker"],"port":1,"addr":"x/y"}       | addr: must be a host name or IP address (1 to 253 characters of A-Z a-z 0-9 . : % _ -)
            data not strings  | {"id":"n","cluster":"c","roles":["worker"],"port":1,"data":{"k":true}}  | data.k: must be a string
            data overrides id | {"id":"n","cluster":"c","roles":["worker"],"port":1,"data":{"id":"x"}}  | data.id: reserved key (id, cluster and roles are set by the tracker)
            not an object     | "hello"                                                                 | body: must be a JSON object
            """)
    void badAnnouncementIsRefusedWith400NamingTheField(String description, String body, String error) throws Exception {
        start();
        HttpResponse<String> response = announce(body);

        assertEquals(400, response.statusCode());
        assertJson(mapper.createObjectNode().put("error", error).toString(), response);
        assertJson("{\"masters\":[],\"workers\":[]}", get("/hostsAvailable"));
    }

    @Test
    void malformedJsonIsRefusedWith400NamingTheBody() throws Exception {
        start();
        HttpResponse<String> response = announce("{\"id\": nope");

        assertEquals(400, response.statusCode());
        assertTrue(json(response.body()).get("error").asText().startsWith("body: not valid JSON"), response.body());
    }

    @Test
    void badClusterQueryIsRefusedWith400NamingTheParameter() throws Exception {
        start();
        HttpResponse<String> response = get("/hostsAvailable?cluster=a%20b");

        assertEquals(400, response.statusCode());
        assertJson("{\"error\":\"cluster: must be 1 to 63 characters of A-Z a-z 0-9 . _ -\"}", response);
    }

    @Test
    void bodyOverTheLimitIsRefusedWith413AndTheConnectionStaysUsable() throws Exception {
        start();
        String padding = "x".repeat(MAX_BODY_BYTES * 4);
        HttpResponse<String> response = announce("{\"id\":\"n\",\"cluster\":\"c\",\"roles\":[\"worker\"],\"port\":1,\"pad\":\"" + padding + "\"}");

        assertEquals(413, response.statusCode());
        assertJson("{\"error\":\"body: larger than 1024 bytes\"}", response);
        assertEquals(200, announce("{\"id\":\"n\",\"cluster\":\"c\",\"roles\":[\"worker\"],\"port\":1}").statusCode());
    }

    @Test
    void chunkedBodyOverTheLimitIsRefusedWith413() throws Exception {
        start();
        try (RawHttpConnection connection = new RawHttpConnection(server.localAddress())) {
            String chunk = "x".repeat(MAX_BODY_BYTES);
            connection.send("POST /announce HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n"
                    + Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n0\r\n\r\n");

            RawHttpConnection.Response response = connection.readResponse();

            assertEquals(413, response.status());
            assertEquals(json("{\"error\":\"body: larger than 1024 bytes\"}"), json(response.body()));
        }
    }

    @Test
    void expectContinueWithABodyOverTheLimitIsRefusedWith413AndClosed() throws Exception {
        start();
        try (RawHttpConnection connection = new RawHttpConnection(server.localAddress())) {
            connection.send("POST /announce HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 100000\r\n\r\n");

            RawHttpConnection.Response response = connection.readResponse();

            assertEquals(413, response.status());
            assertEquals(json("{\"error\":\"body: larger than 1024 bytes\"}"), json(response.body()));
            assertTrue(connection.closedByPeer());
        }
    }

    @Test
    void unsupportedExpectationIsRefusedWith417NamingTheHeader() throws Exception {
        start();
        try (RawHttpConnection connection = new RawHttpConnection(server.localAddress())) {
            connection.send("POST /announce HTTP/1.1\r\nHost: t\r\nExpect: miracles\r\nContent-Length: 2\r\n\r\n{}");

            RawHttpConnection.Response response = connection.readResponse();

            assertEquals(417, response.status());
            assertEquals(json("{\"error\":\"expect: only 100-continue is supported\"}"), json(response.body()));
        }
    }

    @Test
    void unknownPathIsAnswered404WithAJsonError() throws Exception {
        start();
        HttpResponse<String> response = get("/nothing/here");

        assertEquals(404, response.statusCode());
        assertJson("{\"error\":\"path: no resource '/nothing/here' (try /hostsAvailable or /announce)\"}", response);
    }

    @Test
    void wrongMethodIsAnswered405WithAllowHeader() throws Exception {
        start();
        HttpResponse<String> getAnnounce = get("/announce");
        HttpResponse<String> postHosts = send(HttpRequest.newBuilder(uri("/hostsAvailable")).POST(HttpRequest.BodyPublishers.ofString("{}")));
        HttpResponse<String> deleteHosts = send(HttpRequest.newBuilder(uri("/hostsAvailable")).DELETE());

        assertEquals(405, getAnnounce.statusCode());
        assertEquals(Optional.of("POST"), getAnnounce.headers().firstValue("allow"));
        assertJson("{\"error\":\"method: 'GET' not allowed on /announce (allowed: POST)\"}", getAnnounce);
        assertEquals(405, postHosts.statusCode());
        assertEquals(Optional.of("GET"), postHosts.headers().firstValue("allow"));
        assertEquals(405, deleteHosts.statusCode());
        assertJson("{\"error\":\"method: 'DELETE' not allowed on /hostsAvailable (allowed: GET)\"}", deleteHosts);
    }

    @Test
    void newNodeBeyondMaxEntriesIsAnswered503TrackerFull() throws Exception {
        start(Duration.ofSeconds(10), 1);
        assertEquals(200, announce("{\"id\":\"first\",\"cluster\":\"c\",\"roles\":[\"worker\"],\"port\":1}").statusCode());

        HttpResponse<String> response = announce("{\"id\":\"second\",\"cluster\":\"c\",\"roles\":[\"worker\"],\"port\":1}");

        assertEquals(503, response.statusCode());
        assertJson("{\"error\":\"tracker full\"}", response);
        assertEquals(200, announce("{\"id\":\"first\",\"cluster\":\"c\",\"roles\":[\"worker\"],\"port\":2}").statusCode());
    }

    @Test
    void garbageBytesCloseOnlyThatConnection() throws Exception {
        start();
        byte[] garbage = new byte[4096 + 4];
        new Random(42).nextBytes(garbage);
        System.arraycopy("\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, garbage, 4096, 4);
        try (RawHttpConnection bad = new RawHttpConnection(server.localAddress())) {
            // one write: the server may answer and close as soon as it has seen enough garbage
            bad.send(garbage);
            RawHttpConnection.Response response = bad.readResponse();
            assertEquals(400, response.status());
            assertEquals(json("{\"error\":\"request: malformed HTTP\"}"), json(response.body()));
            assertTrue(bad.closedByPeer());
        }

        assertEquals(200, get("/hostsAvailable").statusCode());
    }

    @Test
    void garbageLineWithoutHttpVersionIsRefusedAndTheServerServesTheNextClient() throws Exception {
        start();
        try (RawHttpConnection bad = new RawHttpConnection(server.localAddress())) {
            bad.send("HELLO THERE\r\n\r\n");
            assertEquals(400, bad.readResponse().status());
            assertTrue(bad.closedByPeer());
        }

        assertEquals(200, announce("{\"id\":\"n\",\"cluster\":\"c\",\"roles\":[\"worker\"],\"port\":1}").statusCode());
    }

    @Test
    void keepAliveConnectionServesSeveralRequests() throws Exception {
        start();
        try (RawHttpConnection connection = new RawHttpConnection(server.localAddress())) {
            String body = "{\"id\":\"n\",\"cluster\":\"c\",\"roles\":[\"worker\"],\"port\":1}";
            connection.send("POST /announce HTTP/1.1\r\nHost: t\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
            RawHttpConnection.Response first = connection.readResponse();
            connection.send("GET /hostsAvailable HTTP/1.1\r\nHost: t\r\n\r\n");
            RawHttpConnection.Response second = connection.readResponse();
            connection.send("GET /hostsAvailable HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
            RawHttpConnection.Response third = connection.readResponse();

            assertEquals(200, first.status());
            assertEquals("keep-alive", first.headers().get("connection"));
            assertEquals(200, second.status());
            assertEquals(1, json(second.body()).get("workers").size());
            assertEquals("close", third.headers().get("connection"));
            assertTrue(connection.closedByPeer());
        }
    }

    @Test
    void runsOnColonyTrackerThreadsAndStopsThemOnClose() throws Exception {
        start();
        get("/hostsAvailable");
        assertTrue(trackerThreadsAlive(), "no colony-tracker-* thread while serving");
        InetSocketAddress address = server.localAddress();

        server.close();
        server = null;

        awaitTrackerThreadsEnded();
        assertFalse(trackerThreadsAlive(), "colony-tracker-* threads still alive after close");
        assertThrows(ConnectException.class, () -> new RawHttpConnection(address).close());
    }

    @Test
    void portInUseFailsStartWithTheAddressInTheMessage() throws Exception {
        start();
        int port = server.localAddress().getPort();
        TrackerSettings clash = new TrackerSettings("127.0.0.1", port, Duration.ofSeconds(10), 10, MAX_BODY_BYTES, 10);
        NodeRegistry registry = new NodeRegistry(new MonotonicClock(), Duration.ofSeconds(10), 10, new RegistryLog(log.logger));

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> TrackerServer.start(clash, registry, log.logger));

        assertTrue(e.getMessage().startsWith("Tracker cannot listen on 127.0.0.1:" + port + ": "), e.getMessage());
    }

    @Test
    void purgeRunsAtHalfTheTtlBoundedToFiftyMillisecondsAndOneSecond() {
        assertEquals(Duration.ofSeconds(1), TrackerServer.purgePeriod(Duration.ofSeconds(10)));
        assertEquals(Duration.ofMillis(150), TrackerServer.purgePeriod(Duration.ofMillis(300)));
        assertEquals(Duration.ofMillis(50), TrackerServer.purgePeriod(Duration.ofMillis(60)));
    }

    /** An event loop reports termination just before its thread ends. */
    private static void awaitTrackerThreadsEnded() throws InterruptedException {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("colony-tracker-")) {
                thread.join(5_000);
            }
        }
    }

    private static boolean trackerThreadsAlive() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.isAlive() && t.getName().startsWith("colony-tracker-"));
    }
}
