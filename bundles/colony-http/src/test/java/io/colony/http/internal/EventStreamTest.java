package io.colony.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

@Timeout(value = 30, threadMode = ThreadMode.SEPARATE_THREAD)
class EventStreamTest {

    private TestApi api = new TestApi();

    @AfterEach
    void close() {
        api.close();
    }

    private EventStreamClient open() throws Exception {
        EventStreamClient client = new EventStreamClient(api.client, api.uri("/api/v1/events"), TestApi.TOKEN);
        assertEquals(": connected", client.nextLine());
        await(() -> api.server.eventStreams() == 1, "the stream is not registered");
        return client;
    }

    private static void await(BooleanSupplier condition, String failure) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, failure);
            Thread.sleep(10);
        }
    }

    @Test
    void streamCarriesEveryPublishedEventWithItsTopicBelowIoColonyAndItsPropertiesAsJson() throws Exception {
        try (EventStreamClient client = open()) {
            assertEquals(200, client.response.statusCode());
            assertEquals(Optional.of("text/event-stream; charset=utf-8"), client.response.headers().firstValue("content-type"));
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("event.topics", "io/colony/job/jobComplete");
            properties.put("job.id", "1700000000001");
            properties.put("status", "SUCCEEDED");
            properties.put("job.progress", 1.0);

            api.server.publish("io/colony/job/jobComplete", properties);
            api.server.publish("io/colony/cluster/workerAvailable", Map.of("node.roles", new String[] {"worker", "manager"}, "node.port", 41871));

            String first = client.nextEvent();
            assertTrue(first.startsWith("event: job/jobComplete\ndata: "), first);
            assertEquals(api.json("{\"job.id\":\"1700000000001\",\"status\":\"SUCCEEDED\",\"job.progress\":1.0}"),
                    api.json(first.substring(first.indexOf("data: ") + 6)));
            String second = client.nextEvent();
            assertTrue(second.startsWith("event: cluster/workerAvailable\ndata: "), second);
            assertEquals(api.json("{\"node.roles\":[\"worker\",\"manager\"],\"node.port\":41871}"),
                    api.json(second.substring(second.indexOf("data: ") + 6)));
        }
    }

    @Test
    void everyStreamGetsTheEvent() throws Exception {
        try (EventStreamClient one = open(); EventStreamClient two = new EventStreamClient(api.client, api.uri("/api/v1/events"), TestApi.TOKEN)) {
            assertEquals(": connected", two.nextLine());
            await(() -> api.server.eventStreams() == 2, "the second stream is not registered");

            api.server.publish("io/colony/job/jobSubmitted", Map.of("job.id", "7"));

            assertEquals("event: job/jobSubmitted\ndata: {\"job.id\":\"7\"}", one.nextEvent());
            assertEquals("event: job/jobSubmitted\ndata: {\"job.id\":\"7\"}", two.nextEvent());
        }
    }

    @Test
    void quietStreamGetsAKeepAliveComment() throws Exception {
        api.close();
        api = new TestApi(options -> options.eventKeepAlive = Duration.ofMillis(100));
        try (EventStreamClient client = open()) {
            List<String> lines = List.of(client.nextLine(), client.nextLine(), client.nextLine());

            assertTrue(lines.contains(": keep-alive"), lines.toString());
        }
    }

    @Test
    void closedClientLeavesTheStreams() throws Exception {
        EventStreamClient client = open();

        client.close();

        await(() -> api.server.eventStreams() == 0, "a closed client is still subscribed");
        api.server.publish("io/colony/job/jobSubmitted", Map.of("job.id", "8"));
        assertEquals(200, api.get("/api/v1/health").statusCode());
    }

    @Test
    void clientThatDoesNotReadIsDroppedInsteadOfBufferedFor() throws Exception {
        String payload = "x".repeat(16 * 1024);
        try (RawHttpConnection slow = new RawHttpConnection(api.address(), 4096)) {
            slow.send("GET /api/v1/events HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer " + TestApi.TOKEN + "\r\n\r\n");
            await(() -> api.server.eventStreams() == 1, "the slow stream is not registered");

            int published = 0;
            while (api.server.eventStreams() > 0) {
                assertTrue(published < 4000, "still subscribed after " + published + " events of 16 KiB (" + published / 64 + " MiB)");
                api.server.publish("io/colony/job/taskProgress", Map.of("payload", payload));
                published++;
            }

            assertTrue(api.log.lines("warn").stream().anyMatch(line -> line.contains("dropping the event stream")), api.log.lines.toString());
            assertTrue(slow.closedByPeer());
        }
        assertEquals(200, api.get("/api/v1/health").statusCode());
    }

    @Test
    void streamsBeyondTheMaximumAreRefusedWith503() throws Exception {
        api.close();
        api = new TestApi(options -> options.maxEventStreams = 1);
        try (EventStreamClient first = open()) {
            var refused = api.get("/api/v1/events");

            api.assertJson(503, "{\"error\":\"too many event streams open (1); try again later\"}", refused);
            api.server.publish("io/colony/job/jobSubmitted", Map.of("job.id", "9"));
            assertEquals("event: job/jobSubmitted\ndata: {\"job.id\":\"9\"}", first.nextEvent());
        }
    }
}
