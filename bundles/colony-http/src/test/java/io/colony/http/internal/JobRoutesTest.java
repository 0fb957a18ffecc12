package io.colony.http.internal;

import static io.colony.http.internal.FakeJobService.T0;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.colony.api.cluster.MemberState;
import io.colony.api.job.JobStatus;
import io.colony.api.job.TaskInfo;
import io.colony.api.job.TaskResult;
import io.colony.api.job.TaskStatus;
import io.colony.api.job.Work;
import io.colony.api.plugin.Payload;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(30)
class JobRoutesTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 1, 2, (byte) 0xff};

    private TestApi api = new TestApi();

    @AfterEach
    void close() {
        api.close();
    }

    private String submitPrimes() throws Exception {
        api.jobs.workers.add(FakeJobService.worker("w1", "10.0.0.1", 41871, MemberState.AVAILABLE, FakeJobService.plugin("primes", true)));
        HttpResponse<String> response = api.post("/api/v1/jobs", "{\"plugin\":\"primes\",\"input\":{\"from\":1,\"to\":100}}");
        assertEquals(202, response.statusCode(), response.body());
        return api.json(response.body()).get("id").asText();
    }

    private static TaskInfo task(String job, int index, TaskStatus status, String worker, Integer exitCode, String error) {
        boolean done = status.isFinal();
        return new TaskInfo(job, index, status, worker, null, 1, T0.plusSeconds(1), done ? T0.plusSeconds(4) : null,
                done ? 1 : 0.5, exitCode, error);
    }

    @Test
    void submitAnswers202WithIdStatusLinksAndLocation() throws Exception {
        api.jobs.workers.add(FakeJobService.worker("w1", "10.0.0.1", 41871, MemberState.AVAILABLE, FakeJobService.plugin("primes", true)));

        HttpResponse<String> response = api.post("/api/v1/jobs", "{\"plugin\":\"primes\",\"input\":{\"from\":1,\"to\":100}}");

        api.assertJson(202, """
                {"id":"1700000000001","status":"QUEUED","links":{
                  "self":"/api/v1/jobs/1700000000001","tasks":"/api/v1/jobs/1700000000001/tasks",
                  "result":"/api/v1/jobs/1700000000001/result","kill":"/api/v1/jobs/1700000000001/kill"}}""", response);
        assertEquals(Optional.of("/api/v1/jobs/1700000000001"), response.headers().firstValue("location"));
        assertEquals(new Work.PluginWork("primes", null), api.jobs.submitted.get(0).work());
        assertEquals("{\"from\":1,\"to\":100}", api.jobs.submitted.get(0).input().asText());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            unknown plugin (manager)   | {"plugin":"nope"}                 | 400 | {"error":"no worker offers plugin 'nope'","field":"plugin"}
            wrong type (codec)         | {"plugin":5}                      | 400 | {"error":"plugin: must be a string","field":"plugin"}
            unknown field (codec)      | {"plugin":"primes","chunkz":3}    | 400 | {"error":"chunkz: unknown field","field":"chunkz"}
            unknown worker (manager)   | {"plugin":"primes","workers":["ghost"]} | 400 | {"error":"no worker 'ghost'","field":"targets.workers[0]"}
            forbidden (trust policy)   | {"command":"rm -rf /"}            | 403 | {"error":"the trust policy does not allow commands","field":"command"}
            not an object              | [1,2]                             | 400 | {"error":"body: must be a JSON object","field":"body"}
            empty body                 | ``                                | 400 | {"error":"body: required (a JSON object)","field":"body"}
            """)
    void refusedJobIsAnsweredWithTheStatusOfItsReasonNamingTheField(String description, String body, int status, String error) throws Exception {
        api.jobs.workers.add(FakeJobService.worker("w1", "10.0.0.1", 41871, MemberState.AVAILABLE, FakeJobService.plugin("primes", true)));
        api.jobs.commandsAllowed = false;

        HttpResponse<String> response = api.post("/api/v1/jobs", body);

        api.assertJson(status, error, response);
        assertEquals(List.of(), api.jobs.submitted);
        assertEquals(200, api.get("/api/v1/jobs").statusCode());
    }

    @Test
    void submissionIsAnsweredOnlyOnceTheJobIsStored() throws Exception {
        api.jobs.workers.add(FakeJobService.worker("w1", "10.0.0.1", 41871, MemberState.AVAILABLE, FakeJobService.plugin("primes", true)));
        CompletableFuture<Void> stored = new CompletableFuture<>();
        api.jobs.stored = stored;

        CompletableFuture<HttpResponse<String>> response = api.client.sendAsync(api.request("/api/v1/jobs")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"plugin\":\"primes\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThrows(TimeoutException.class, () -> response.get(300, TimeUnit.MILLISECONDS), "no answer before the job is stored");
        stored.complete(null);

        assertEquals(202, response.get(10, TimeUnit.SECONDS).statusCode());
    }

    @Test
    void aJobTheStoreCouldNotTakeIsAnswered500SayingSo() throws Exception {
        api.jobs.workers.add(FakeJobService.worker("w1", "10.0.0.1", 41871, MemberState.AVAILABLE, FakeJobService.plugin("primes", true)));
        api.jobs.stored = CompletableFuture.failedFuture(new IllegalStateException("disk full"));

        HttpResponse<String> response = api.post("/api/v1/jobs", "{\"plugin\":\"primes\"}");

        api.assertJson(500, "{\"error\":\"job 1700000000001 was accepted but could not be stored, so a manager restart would lose it:"
                + " disk full\"}", response);
        assertEquals(200, api.get("/api/v1/health").statusCode(), "the node keeps serving");
    }

    @Test
    void malformedJsonIsRefusedWith400NamingTheBody() throws Exception {
        HttpResponse<String> response = api.post("/api/v1/jobs", "{\"plugin\":");

        assertEquals(400, response.statusCode());
        JsonNode error = api.json(response.body());
        assertTrue(error.get("error").asText().startsWith("body: not valid JSON ("), response.body());
        assertEquals("body", error.get("field").asText());
        assertEquals(List.of(), api.jobs.submitted);
    }

    @Test
    void overloadedManagerIsAnswered503() throws Exception {
        api.jobs.workers.add(FakeJobService.worker("w1", "10.0.0.1", 41871, MemberState.AVAILABLE, FakeJobService.plugin("primes", true)));
        api.jobs.overloaded = true;

        api.assertJson(503, "{\"error\":\"the manager is full: 10000 jobs queued\"}", api.post("/api/v1/jobs", "{\"plugin\":\"primes\"}"));
    }

    @Test
    void jobHasTheDocumentedShapeWithTheSpecEmbeddedAsJson() throws Exception {
        String id = submitPrimes();
        List<TaskInfo> tasks = List.of(task(id, 0, TaskStatus.SUCCEEDED, "w1", null, null), task(id, 1, TaskStatus.SUCCEEDED, "w1", null, null),
                task(id, 2, TaskStatus.FAILED, "w1", null, "boom"));
        api.jobs.finish(id, JobStatus.FAILED, Payload.empty(), tasks, List.of(), "task 2 failed: boom");

        HttpResponse<String> response = api.get("/api/v1/jobs/" + id);

        api.assertJson(200, """
                {"id":"%s","status":"FAILED","submittedAt":"2025-01-02T03:04:05Z","startedAt":"2025-01-02T03:04:06Z",
                 "finishedAt":"2025-01-02T03:04:10Z","progress":1.0,"tasks":{"SUCCEEDED":2,"FAILED":1},"taskCount":3,
                 "error":"task 2 failed: boom","spec":{"plugin":"primes","input":{"from":1,"to":100}}}""".formatted(id), response);
    }

    @Test
    void queuedJobHasNullTimesAndError() throws Exception {
        String id = submitPrimes();

        JsonNode job = api.json(api.get("/api/v1/jobs/" + id).body());

        assertTrue(job.get("startedAt").isNull());
        assertTrue(job.get("finishedAt").isNull());
        assertTrue(job.get("error").isNull());
        assertEquals("{\"QUEUED\":1}", job.get("tasks").toString());
    }

    @Test
    void listIsNewestFirstFilteredByStatusAndLimited() throws Exception {
        String first = submitPrimes();
        String second = submitPrimes();
        String third = submitPrimes();
        api.jobs.finish(second, JobStatus.SUCCEEDED, Payload.text("ok"), List.of(task(second, 0, TaskStatus.SUCCEEDED, "w1", null, null)), List.of(), null);

        JsonNode all = api.json(api.get("/api/v1/jobs").body()).get("jobs");
        JsonNode succeeded = api.json(api.get("/api/v1/jobs?status=succeeded").body()).get("jobs");
        JsonNode two = api.json(api.get("/api/v1/jobs?limit=2&status=QUEUED").body()).get("jobs");

        assertEquals(List.of(third, second, first), ids(all));
        assertEquals(List.of(second), ids(succeeded));
        assertEquals("SUCCEEDED", succeeded.get(0).get("status").asText());
        assertEquals(List.of(third, first), ids(two));
        assertEquals(api.json(api.get("/api/v1/jobs/" + first).body()), all.get(2));
    }

    private static List<String> ids(JsonNode jobs) {
        return StreamSupport.stream(jobs.spliterator(), false).map(job -> job.get("id").asText()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown status    | status=DONE          | status | status: must be one of QUEUED, RUNNING, SUCCEEDED, FAILED, KILLED
            limit zero        | limit=0              | limit  | limit: must be a whole number from 1 to 1000
            limit too large   | limit=1001           | limit  | limit: must be a whole number from 1 to 1000
            limit not number  | limit=ten            | limit  | limit: must be a whole number from 1 to 1000
            limit twice       | limit=1&limit=2      | limit  | limit: given more than once
            unknown parameter | state=RUNNING        | state  | state: unknown parameter (allowed: limit, status)
            """)
    void badListParameterIsRefusedWith400NamingIt(String description, String query, String field, String error) throws Exception {
        HttpResponse<String> response = api.get("/api/v1/jobs?" + query);

        assertEquals(400, response.statusCode());
        assertEquals(field, api.json(response.body()).get("field").asText());
        assertEquals(error, api.json(response.body()).get("error").asText());
        assertEquals(200, api.get("/api/v1/jobs?limit=5").statusCode());
    }

    @Test
    void tasksHaveTheDocumentedShape() throws Exception {
        String id = submitPrimes();
        api.jobs.running(id, List.of(
                new TaskInfo(id, 0, TaskStatus.SUCCEEDED, "w1", "w1", 2, T0.plusSeconds(1), T0.plusSeconds(3), 1, 0, null),
                new TaskInfo(id, 1, TaskStatus.RUNNING, "w2", null, 1, T0.plusSeconds(2), null, 0.25, null, null)));

        HttpResponse<String> response = api.get("/api/v1/jobs/" + id + "/tasks");

        api.assertJson(200, """
                {"tasks":[
                  {"index":0,"status":"SUCCEEDED","worker":"w1","pinnedTo":"w1","attempts":2,"startedAt":"2025-01-02T03:04:06Z",
                   "finishedAt":"2025-01-02T03:04:08Z","progress":1.0,"exitCode":0,"error":null},
                  {"index":1,"status":"RUNNING","worker":"w2","pinnedTo":null,"attempts":1,"startedAt":"2025-01-02T03:04:07Z",
                   "finishedAt":null,"progress":0.25,"exitCode":null,"error":null}]}""", response);
    }

    @Test
    void aTaskShowsItsSetupAndItsCompilerDiagnosticsOnlyWhenItHasThem() throws Exception {
        String id = submitPrimes();
        api.jobs.running(id, FakeJobService.reportingTasks(id));

        HttpResponse<String> response = api.get("/api/v1/jobs/" + id + "/tasks");

        api.assertJson(200, """
                {"tasks":[
                  {"index":0,"status":"SUCCEEDED","worker":"w1","pinnedTo":null,"attempts":1,"startedAt":"2025-01-02T03:04:06Z",
                   "finishedAt":"2025-01-02T03:04:07Z","progress":1.0,"exitCode":null,"error":null,
                   "setup":{"artifacts":["io.colony.plugins:colony-plugin-stats:1.0.0","org.apache.commons:commons-math3:3.6.1"],
                            "millis":412,"fromCache":true}},
                  {"index":1,"status":"FAILED","worker":"w2","pinnedTo":null,"attempts":1,"startedAt":"2025-01-02T03:04:06Z",
                   "finishedAt":"2025-01-02T03:04:07Z","progress":0.0,"exitCode":null,"error":"failed on w2: the source does not compile",
                   "diagnostics":[
                     {"kind":"ERROR","file":"demo/Squares.java","line":7,"column":21,"message":"cannot find symbol\\n  symbol:   class Sqaure"},
                     {"kind":"NOTE","file":"","line":0,"column":0,"message":"Some input files use unchecked or unsafe operations."}]}]}""",
                response);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            GET    | /api/v1/jobs/42                | no job 42
            GET    | /api/v1/jobs/42/tasks          | no job 42
            GET    | /api/v1/jobs/42/result         | no job 42
            POST   | /api/v1/jobs/42/kill           | no job 42
            DELETE | /api/v1/jobs/42                | no job 42
            GET    | /api/v1/jobs/not-a-number      | no job not-a-number
            """)
    void unknownJobIsAnswered404(String method, String path, String error) throws Exception {
        HttpResponse<String> response = api.send(api.request(path).method(method, HttpRequest.BodyPublishers.noBody()));

        api.assertJson(404, api.mapper.createObjectNode().put("error", error).toString(), response);
        assertEquals(200, api.get("/api/v1/jobs").statusCode());
    }

    @Test
    void resultOfASucceededJobIsItsBytesWithItsContentType() throws Exception {
        String id = submitPrimes();
        api.jobs.finish(id, JobStatus.SUCCEEDED, Payload.of(PNG, Payload.PNG), List.of(task(id, 0, TaskStatus.SUCCEEDED, "w1", null, null)), List.of(), null);

        HttpResponse<byte[]> response = api.client.send(api.request("/api/v1/jobs/" + id + "/result").build(), HttpResponse.BodyHandlers.ofByteArray());

        assertEquals(200, response.statusCode());
        assertArrayEquals(PNG, response.body());
        assertEquals(Optional.of("image/png"), response.headers().firstValue("content-type"));
    }

    @Test
    void resultOfARunningJobIs409SayingItRuns() throws Exception {
        String id = submitPrimes();
        api.jobs.running(id, List.of(task(id, 0, TaskStatus.RUNNING, "w1", null, null)));

        api.assertJson(409, "{\"error\":\"job " + id + " is RUNNING\",\"status\":\"RUNNING\"}", api.get("/api/v1/jobs/" + id + "/result"));
    }

    @Test
    void resultOfAFailedJobIs409WithItsStatusAndError() throws Exception {
        String id = submitPrimes();
        api.jobs.finish(id, JobStatus.FAILED, Payload.empty(), List.of(task(id, 0, TaskStatus.FAILED, "w1", null, "to: not a number")),
                List.of(new TaskResult(0, "w1", TaskStatus.FAILED, Payload.empty(), null, "to: not a number")), "task 0 failed: to: not a number");

        api.assertJson(409, "{\"error\":\"job " + id + " is FAILED: task 0 failed: to: not a number\",\"status\":\"FAILED\"}",
                api.get("/api/v1/jobs/" + id + "/result"));
    }

    @Test
    void resultWithWaitAnswersAsSoonAsTheJobEnds() throws Exception {
        String id = submitPrimes();
        long start = System.nanoTime();
        CompletableFuture<HttpResponse<String>> waiting = api.client.sendAsync(
                api.request("/api/v1/jobs/" + id + "/result?wait=20").timeout(Duration.ofSeconds(25)).build(), HttpResponse.BodyHandlers.ofString());
        Thread.sleep(300);
        assertTrue(!waiting.isDone(), "answered before the job ended");

        api.jobs.finish(id, JobStatus.SUCCEEDED, Payload.json("{\"count\":25}"), List.of(task(id, 0, TaskStatus.SUCCEEDED, "w1", null, null)), List.of(), null);
        HttpResponse<String> response = waiting.get(5, TimeUnit.SECONDS);

        assertEquals(200, response.statusCode());
        assertEquals("{\"count\":25}", response.body());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos());
    }

    @Test
    void waitingForResultsHoldsNoRequestThread() throws Exception {
        api.close();
        api = new TestApi(options -> options.threads = 1);
        String first = submitPrimes();
        String second = submitPrimes();
        List<CompletableFuture<HttpResponse<String>>> waits = List.of(first, second).stream()
                .map(id -> api.client.sendAsync(api.request("/api/v1/jobs/" + id + "/result?wait=20").timeout(Duration.ofSeconds(25)).build(),
                        HttpResponse.BodyHandlers.ofString()))
                .toList();
        Thread.sleep(300);

        HttpResponse<String> meanwhile = api.get("/api/v1/jobs/" + first);

        assertEquals(200, meanwhile.statusCode());
        assertTrue(waits.stream().noneMatch(CompletableFuture::isDone));
        api.jobs.finish(first, JobStatus.SUCCEEDED, Payload.text("a"), List.of(), List.of(), null);
        api.jobs.finish(second, JobStatus.SUCCEEDED, Payload.text("b"), List.of(), List.of(), null);
        assertEquals("a", waits.get(0).get(5, TimeUnit.SECONDS).body());
        assertEquals("b", waits.get(1).get(5, TimeUnit.SECONDS).body());
    }

    @Test
    void resultWithWaitGivesUpAfterTheWaitWith409() throws Exception {
        String id = submitPrimes();
        long start = System.nanoTime();

        HttpResponse<String> response = api.get("/api/v1/jobs/" + id + "/result?wait=1");

        assertTrue(System.nanoTime() - start >= Duration.ofMillis(950).toNanos(), "answered before the wait ended");
        api.assertJson(409, "{\"error\":\"job " + id + " is QUEUED\",\"status\":\"QUEUED\"}", response);
    }

    @ParameterizedTest
    @CsvSource({"301", "-1", "soon", "1.5"})
    void waitOutsideZeroToThreeHundredSecondsIsRefused(String wait) throws Exception {
        String id = submitPrimes();

        api.assertJson(400, "{\"error\":\"wait: must be a whole number of seconds from 0 to 300\",\"field\":\"wait\"}",
                api.get("/api/v1/jobs/" + id + "/result?wait=" + wait));
    }

    @Test
    void killAnswersTheJobAsItIsAfterTheKill() throws Exception {
        String id = submitPrimes();

        HttpResponse<String> response = api.send(api.request("/api/v1/jobs/" + id + "/kill").POST(HttpRequest.BodyPublishers.noBody()));

        assertEquals(200, response.statusCode(), response.body());
        JsonNode job = api.json(response.body());
        assertEquals(id, job.get("id").asText());
        assertEquals("KILLED", job.get("status").asText());
        assertEquals(List.of(id + " killed through the REST API"), api.jobs.kills);
    }

    @Test
    void deleteForgetsAFinishedJobAndRefusesARunningOne() throws Exception {
        String running = submitPrimes();
        String done = submitPrimes();
        api.jobs.finish(done, JobStatus.SUCCEEDED, Payload.text("ok"), List.of(), List.of(), null);

        HttpResponse<String> deleted = api.delete("/api/v1/jobs/" + done);
        HttpResponse<String> refused = api.delete("/api/v1/jobs/" + running);

        assertEquals(204, deleted.statusCode());
        assertEquals("", deleted.body());
        assertEquals(404, api.get("/api/v1/jobs/" + done).statusCode());
        api.assertJson(409, "{\"error\":\"job " + running + " is QUEUED; kill it and wait for it to end before deleting it\",\"status\":\"QUEUED\"}", refused);
        assertEquals(200, api.get("/api/v1/jobs/" + running).statusCode());
    }
}
