package io.colony.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.cluster.MemberState;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Bad requests of every kind get the right status and a JSON error, and the server keeps serving. */
@Timeout(30)
class HttpErrorsTest {

    private static final String AUTH = "Authorization: Bearer " + TestApi.TOKEN + "\r\n";

    private TestApi api = new TestApi();

    @AfterEach
    void close() {
        api.close();
    }

    @Test
    void unknownRouteIsAnswered404() throws Exception {
        api.assertJson(404, "{\"error\":\"no route GET /api/v1/nothing (the routes are in /api/v1/openapi.json)\"}", api.get("/api/v1/nothing"));
        api.assertJson(404, "{\"error\":\"no route GET /api/v1/jobs/1/tasks/2 (the routes are in /api/v1/openapi.json)\"}", api.get("/api/v1/jobs/1/tasks/2"));
        assertEquals(200, api.get("/api/v1/jobs").statusCode());
    }

    @Test
    void wrongMethodIsAnswered405WithAllowInTheRoutesStyle() throws Exception {
        HttpResponse<String> jobs = api.send(api.request("/api/v1/jobs").PUT(HttpRequest.BodyPublishers.ofString("{}")));
        HttpResponse<String> job = api.send(api.request("/api/v1/jobs/12").POST(HttpRequest.BodyPublishers.noBody()));
        HttpResponse<String> pcci = api.get("/job");

        api.assertJson(405, "{\"error\":\"method: 'PUT' not allowed on /api/v1/jobs (allowed: POST, GET)\",\"field\":\"method\"}", jobs);
        assertEquals(Optional.of("POST, GET"), jobs.headers().firstValue("allow"));
        assertEquals(Optional.of("GET, DELETE"), job.headers().firstValue("allow"));
        api.assertJson(405, "{\"message\":\"method: 'GET' not allowed on /job (allowed: POST)\"}", pcci);
        assertEquals(Optional.of("POST"), pcci.headers().firstValue("allow"));
        assertEquals(200, api.get("/api/v1/health").statusCode());
    }

    @Test
    void bodyOverTheLimitByContentLengthIsAnswered413AndTheNextRequestSucceeds() throws Exception {
        String big = "{\"plugin\":\"" + "x".repeat(10_000) + "\"}";

        HttpResponse<String> response = api.post("/api/v1/jobs", big);

        api.assertJson(413, "{\"error\":\"body: larger than 4096 bytes\",\"field\":\"body\"}", response);
        assertEquals(200, api.get("/api/v1/jobs").statusCode());
        assertEquals(List.of(), api.jobs.submitted);
    }

    @Test
    void chunkedBodyIsRefusedWith413OnceItPassesTheLimitInThePcciStyle() throws Exception {
        try (RawHttpConnection connection = new RawHttpConnection(api.address())) {
            String chunk = "x".repeat(3000);
            connection.send("POST /job HTTP/1.1\r\nHost: t\r\n" + AUTH + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n"
                    + Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n0\r\n\r\n");

            RawHttpConnection.Response response = connection.readResponse();

            assertEquals(413, response.status());
            assertEquals(api.json("{\"message\":\"body: larger than 4096 bytes\"}"), api.json(response.body()));
        }
        assertEquals(200, api.get("/pools").statusCode());
    }

    @Test
    void nonJsonContentTypeIsAnswered415() throws Exception {
        HttpResponse<String> response = api.send(api.request("/api/v1/jobs").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"plugin\":\"primes\"}")));
        HttpResponse<String> pcci = api.send(api.request("/job").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("cmd=uptime")));

        api.assertJson(415, "{\"error\":\"content-type: 'text/plain' is not JSON (send application/json)\",\"field\":\"content-type\"}", response);
        api.assertJson(415, "{\"message\":\"content-type: 'application/x-www-form-urlencoded' is not JSON (send application/json)\"}", pcci);
        assertEquals(List.of(), api.jobs.submitted);
    }

    @Test
    void jsonWithACharsetOrAVendorTypeIsAccepted() throws Exception {
        api.jobs.workers.add(FakeJobService.worker("w1", "10.0.0.1", 41871, MemberState.AVAILABLE, FakeJobService.plugin("primes", true)));

        assertEquals(202, api.send(api.request("/api/v1/jobs").header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString("{\"plugin\":\"primes\"}"))).statusCode());
        assertEquals(202, api.send(api.request("/api/v1/jobs").header("Content-Type", "application/vnd.colony.job+json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"plugin\":\"primes\"}"))).statusCode());
    }

    @Test
    void unexpectedFailureIsAnswered500WithoutDetailsAndLogged() throws Exception {
        api.jobs.failure = new IllegalStateException("secret database path /var/db/x");

        HttpResponse<String> response = api.get("/api/v1/workers");

        api.assertJson(500, "{\"error\":\"internal error\"}", response);
        assertFalse(response.body().contains("secret"));
        assertEquals(List.of("error HTTP: GET /api/v1/workers failed"), api.log.lines("error"));
        assertEquals(List.of(api.jobs.failure), api.log.throwables);
        api.jobs.failure = null;
        assertEquals(200, api.get("/api/v1/workers").statusCode());
    }

    @Test
    void requestsBeyondTheQueueAreAnswered503WhileTheManagerHangs() throws Exception {
        api.close();
        api = new TestApi(options -> {
            options.threads = 1;
            options.queueCapacity = 1;
        });
        api.jobs.gate = new CountDownLatch(1);
        List<CompletableFuture<HttpResponse<String>>> first = new ArrayList<>();
        first.add(api.client.sendAsync(api.request("/api/v1/workers").build(), HttpResponse.BodyHandlers.ofString()));
        Thread.sleep(200);
        first.add(api.client.sendAsync(api.request("/api/v1/workers").build(), HttpResponse.BodyHandlers.ofString()));
        Thread.sleep(200);

        HttpResponse<String> refused = api.get("/api/v1/workers");
        HttpResponse<String> health = api.get("/api/v1/health");

        api.assertJson(503, "{\"error\":\"server busy: too many requests waiting; try again\"}", refused);
        assertEquals(Optional.of("1"), refused.headers().firstValue("retry-after"));
        assertEquals(503, health.statusCode());
        api.jobs.gate.countDown();
        for (CompletableFuture<HttpResponse<String>> answer : first) {
            assertEquals(200, answer.get(5, TimeUnit.SECONDS).statusCode());
        }
    }

    @Test
    void garbageClosesOnlyThatConnectionAfterA400() throws Exception {
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        try (RawHttpConnection bad = new RawHttpConnection(api.address())) {
            bad.send(new String(garbage, StandardCharsets.ISO_8859_1) + "\r\n\r\n");
            RawHttpConnection.Response response = bad.readResponse();
            assertEquals(400, response.status());
            assertEquals(api.json("{\"error\":\"request: malformed HTTP\",\"field\":\"request\"}"), api.json(response.body()));
            assertTrue(bad.closedByPeer());
        }
        assertEquals(200, api.get("/api/v1/health").statusCode());
    }

    @Test
    void malformedQueryIsAnswered400NamingTheUri() throws Exception {
        try (RawHttpConnection connection = new RawHttpConnection(api.address())) {
            connection.send("GET /api/v1/jobs?status=%zz HTTP/1.1\r\nHost: t\r\n" + AUTH + "\r\n");
            RawHttpConnection.Response response = connection.readResponse();
            connection.send("GET /api/v1/jobs HTTP/1.1\r\nHost: t\r\n" + AUTH + "\r\n");
            RawHttpConnection.Response next = connection.readResponse();

            assertEquals(400, response.status());
            assertEquals("uri", api.json(response.body()).get("field").asText());
            assertEquals(200, next.status());
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderOnOneKeptAliveConnection() throws Exception {
        api.jobs.workers.add(FakeJobService.worker("w1", "10.0.0.1", 41871, MemberState.AVAILABLE));
        api.jobs.gate = new CountDownLatch(1);
        try (RawHttpConnection connection = new RawHttpConnection(api.address())) {
            connection.send("GET /api/v1/jobs/42 HTTP/1.1\r\nHost: t\r\n" + AUTH + "\r\n"
                    + "GET /api/v1/health HTTP/1.1\r\nHost: t\r\n\r\n"
                    + "GET /workers HTTP/1.1\r\nHost: t\r\n" + AUTH + "\r\n"
                    + "GET /api/v1/jobs HTTP/1.1\r\nHost: t\r\nConnection: close\r\n" + AUTH + "\r\n");
            // the first request waits for the manager while the health check, which does not ask it, could be answered at once
            Thread.sleep(300);
            api.jobs.gate.countDown();

            RawHttpConnection.Response first = connection.readResponse();
            RawHttpConnection.Response second = connection.readResponse();
            RawHttpConnection.Response third = connection.readResponse();
            RawHttpConnection.Response fourth = connection.readResponse();

            assertEquals(404, first.status());
            assertEquals("keep-alive", first.headers().get("connection"));
            assertEquals(api.json("{\"status\":\"UP\",\"node\":\"node-1\"}"), api.json(second.body()));
            assertEquals("w1", api.json(third.body()).get(0).get("id").asText());
            assertEquals(200, fourth.status());
            assertEquals("close", fourth.headers().get("connection"));
            assertTrue(connection.closedByPeer());
        }
    }

    @Test
    void serverRunsOnColonyHttpThreadsAndStopsThemOnClose() throws Exception {
        api.get("/api/v1/health");
        assertTrue(threadsAlive(), "no colony-http-* thread while serving");

        api.close();

        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("colony-http-")) {
                thread.join(5_000);
            }
        }
        assertFalse(threadsAlive(), "colony-http-* threads alive after close");
        api = new TestApi();
    }

    private static boolean threadsAlive() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.isAlive() && t.getName().startsWith("colony-http-"));
    }
}
