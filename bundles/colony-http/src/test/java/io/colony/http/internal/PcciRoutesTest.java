package io.colony.http.internal;

import static io.colony.http.internal.FakeJobService.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.cluster.MemberState;
import io.colony.api.job.JobSpec;
import io.colony.api.job.JobStatus;
import io.colony.api.job.Targets;
import io.colony.api.job.TaskInfo;
import io.colony.api.job.TaskResult;
import io.colony.api.job.TaskStatus;
import io.colony.api.plugin.Payload;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The routes of reference/pcci-api.md, to the letter. */
@Timeout(30)
class PcciRoutesTest {

    private static final String NOT_CONNECTED = "{\"message\":\"One or more worker not connected, try GET /workers\"}";
    private static final String NOT_FOUND = "{\"message\":\"Pool ID not found or expired\"}";

    private TestApi api = new TestApi();

    @AfterEach
    void close() {
        api.close();
    }

    private void workers() {
        api.jobs.workers.add(FakeJobService.worker("w1", "10.0.0.1", 41871, MemberState.AVAILABLE));
        api.jobs.workers.add(FakeJobService.worker("w2", "fd00::2", 41872, MemberState.AVAILABLE));
        api.jobs.workers.add(FakeJobService.worker("gone", "10.0.0.3", 41873, MemberState.UNAVAILABLE));
        api.jobs.workers.add(FakeJobService.worker("resting", "10.0.0.4", 41874, MemberState.WITHDRAWN));
    }

    private String submitPool() throws Exception {
        workers();
        HttpResponse<String> response = api.post("/job", "{\"cmd\":\"uptime\",\"workers\":[\"w1\",\"w2\"]}");
        assertEquals(200, response.statusCode(), response.body());
        return api.json(response.body()).get("pool_id").asText();
    }

    private static TaskInfo task(String job, int index, TaskStatus status, String worker, Integer exitCode) {
        return new TaskInfo(job, index, status, null, worker, 1, T0.plusSeconds(1),
                status.isFinal() ? T0.plusMillis(1_250 + index) : null, status.isFinal() ? 1 : 0.5, exitCode, null);
    }

    private static TaskResult output(int index, String worker, TaskStatus status, int exitCode, String stdout, String stderr) {
        String json = "{\"exitCode\":" + exitCode + ",\"stdout\":\"" + stdout + "\",\"stderr\":\"" + stderr + "\"}";
        return new TaskResult(index, worker, status, Payload.json(json), exitCode, null);
    }

    @Test
    void postJobSubmitsACommandPinnedToTheWorkersAndAnswersThePoolIdAsANumber() throws Exception {
        workers();

        HttpResponse<String> response = api.post("/job", "{\"cmd\":\"uptime\",\"workers\":[\"w1\",\"w2\"]}");

        api.assertJson(200, "{\"pool_id\":1700000000001,\"message\":\"New pool submited\"}", response);
        assertTrue(api.json(response.body()).get("pool_id").isIntegralNumber());
        assertEquals(JobSpec.command("uptime").targets(Targets.workers("w1", "w2")).build(), api.jobs.submitted.get(0));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            unknown worker and no command | {"workers":["ghost"]}                          | One or more worker not connected, try GET /workers
            unavailable worker            | {"cmd":"uptime","workers":["w1","gone"]}        | One or more worker not connected, try GET /workers
            withdrawn worker              | {"cmd":"uptime","workers":["resting"]}          | One or more worker not connected, try GET /workers
            no workers                    | {"cmd":"uptime"}                                | One or more worker not connected, try GET /workers
            empty workers                 | {"cmd":"uptime","workers":[]}                   | One or more worker not connected, try GET /workers
            workers not an array          | {"cmd":"uptime","workers":"w1"}                 | One or more worker not connected, try GET /workers
            worker not a string           | {"cmd":"uptime","workers":[1]}                  | One or more worker not connected, try GET /workers
            no command                    | {"workers":["w1"]}                              | Missing command
            empty command                 | {"cmd":"  ","workers":["w1"]}                   | Missing command
            command not a string          | {"cmd":["ls"],"workers":["w1"]}                 | Missing command
            not an object                 | ["uptime"]                                      | body: must be a JSON object
            """)
    void badPostJobIsRefusedWith400AndPcciMessage(String description, String body, String message) throws Exception {
        workers();

        HttpResponse<String> response = api.post("/job", body);

        api.assertJson(400, api.mapper.createObjectNode().put("message", message).toString(), response);
        assertEquals(List.of(), api.jobs.submitted);
        assertEquals(200, api.get("/pools").statusCode());
    }

    @Test
    void malformedJsonIsRefusedWith400AndAMessage() throws Exception {
        HttpResponse<String> response = api.post("/job", "{\"cmd\": ");

        assertEquals(400, response.statusCode());
        assertTrue(api.json(response.body()).get("message").asText().startsWith("body: not valid JSON"), response.body());
        assertEquals(1, api.json(response.body()).size());
    }

    @Test
    void commandTheTrustPolicyForbidsIsRefusedWith403AndAMessage() throws Exception {
        workers();
        api.jobs.commandsAllowed = false;

        api.assertJson(403, "{\"message\":\"the trust policy does not allow commands\"}", api.post("/job", "{\"cmd\":\"rm -rf /\",\"workers\":[\"w1\"]}"));
    }

    @Test
    void runningPoolIsAnArrayOfOnePoolWithNullStatusesAndEmptyResults() throws Exception {
        String id = submitPool();
        api.jobs.running(id, List.of(task(id, 0, TaskStatus.SUCCEEDED, "w1", 0), task(id, 1, TaskStatus.RUNNING, "w2", null)));

        api.assertJson(200, """
                [{"id":%1$s,"status":null,"jobs":[
                  {"code":"JOB","pool":"%1$s","cmd":"uptime","pid":0,"result":"","status":0,"worker_id":"w1","time_to_calc":250},
                  {"code":"JOB","pool":"%1$s","cmd":"uptime","pid":1,"result":"","status":null,"worker_id":"w2","time_to_calc":null}]}]"""
                .formatted(id), api.get("/pool/" + id));
    }

    @Test
    void finishedPoolHasStatusResultsAndCachedAt() throws Exception {
        String id = submitPool();
        api.jobs.finish(id, JobStatus.SUCCEEDED, Payload.json("[]"),
                List.of(task(id, 0, TaskStatus.SUCCEEDED, "w1", 0), task(id, 1, TaskStatus.SUCCEEDED, "w2", 0)),
                List.of(output(0, "w1", TaskStatus.SUCCEEDED, 0, " 10:00 up 3 days,\\n load 0.1\\n", ""),
                        output(1, "w2", TaskStatus.SUCCEEDED, 0, "up\\r\\n", "warning\\n")), null);

        api.assertJson(200, """
                [{"id":%1$s,"status":0,"jobs":[
                  {"code":"JOB","pool":"%1$s","cmd":"uptime","pid":0,"result":" 10:00 up 3 days, load 0.1","status":0,"worker_id":"w1","time_to_calc":250},
                  {"code":"JOB","pool":"%1$s","cmd":"uptime","pid":1,"result":"upwarning\\n","status":0,"worker_id":"w2","time_to_calc":251}],
                  "cached_at":%2$d}]""".formatted(id, T0.plusSeconds(5).toEpochMilli()), api.get("/pool/" + id));
    }

    @Test
    void poolWithAFailedCommandHasStatusOneAndALostJobSaysItsSocketClosed() throws Exception {
        String id = submitPool();
        api.jobs.finish(id, JobStatus.FAILED, Payload.empty(),
                List.of(task(id, 0, TaskStatus.FAILED, "w1", 2), task(id, 1, TaskStatus.LOST, "w2", null)),
                List.of(output(0, "w1", TaskStatus.FAILED, 2, "", "ls: cannot access"),
                        new TaskResult(1, "w2", TaskStatus.LOST, Payload.empty(), null, "worker lost")), "2 tasks failed");

        var pool = api.json(api.get("/pool/" + id).body()).get(0);

        assertEquals(1, pool.get("status").asInt());
        assertEquals("ls: cannot access", pool.get("jobs").get(0).get("result").asText());
        assertEquals(2, pool.get("jobs").get(0).get("status").asInt());
        assertEquals(" Job stopped due to socket close", pool.get("jobs").get(1).get("result").asText());
        assertEquals(1, pool.get("jobs").get(1).get("status").asInt());
    }

    @ParameterizedTest
    @CsvSource({"1234", "abc", "-1"})
    void unknownPoolIsAnswered404WithPccisMessage(String id) throws Exception {
        api.assertJson(404, NOT_FOUND, api.get("/pool/" + id));
        api.assertJson(404, NOT_FOUND, api.put("/kill/" + id, "{\"workers\":[\"w1\"]}"));
    }

    @Test
    void pluginJobIsNoPool() throws Exception {
        api.jobs.workers.add(FakeJobService.worker("w1", "10.0.0.1", 41871, MemberState.AVAILABLE, FakeJobService.plugin("primes", true)));
        String plugin = api.json(api.post("/api/v1/jobs", "{\"plugin\":\"primes\"}").body()).get("id").asText();

        api.assertJson(404, NOT_FOUND, api.get("/pool/" + plugin));
        api.assertJson(200, "[]", api.get("/pools"));
    }

    @Test
    void poolsAreEveryPoolOldestFirst() throws Exception {
        String first = submitPool();
        String second = api.json(api.post("/job", "{\"cmd\":\"df -h\",\"workers\":[\"w2\"]}").body()).get("pool_id").asText();

        var pools = api.json(api.get("/pools").body());

        assertEquals(2, pools.size());
        assertEquals(first, pools.get(0).get("id").asText());
        assertEquals(second, pools.get(1).get("id").asText());
        assertEquals(api.json(api.get("/pool/" + second).body()).get(0), pools.get(1));
    }

    @Test
    void workersAreTheConnectedOnesWithTheirSocketPeername() throws Exception {
        workers();

        api.assertJson(200, """
                [{"id":"w1","socket":{"_peername":{"address":"10.0.0.1","family":"IPv4","port":41871}}},
                 {"id":"w2","socket":{"_peername":{"address":"fd00::2","family":"IPv6","port":41872}}}]""", api.get("/workers"));
    }

    @Test
    void killAsksTheManagerToKillThePoolOnThoseWorkers() throws Exception {
        String id = submitPool();

        HttpResponse<String> response = api.put("/kill/" + id, "{\"workers\":[\"w2\",\"w1\"]}");

        api.assertJson(200, "{\"message\":\"Trying to kill job from pool : " + id + " on w2,w1\"}", response);
        assertEquals(List.of(id + " [w2, w1] killed through the PCCI API"), api.jobs.kills);
    }

    @Test
    void killOnAWorkerNotConnectedIsRefusedWith400() throws Exception {
        String id = submitPool();

        api.assertJson(400, NOT_CONNECTED, api.put("/kill/" + id, "{\"workers\":[\"gone\"]}"));
        assertEquals(List.of(), api.jobs.kills);
    }

    @Test
    void pcciRoutesNeedATokenAndAnswerInPccisStyle() throws Exception {
        workers();
        HttpResponse<String> response = api.send(api.anonymous("/job").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"cmd\":\"uptime\",\"workers\":[\"w1\"]}")));

        assertEquals(401, response.statusCode());
        assertTrue(api.json(response.body()).has("message"), response.body());
        assertEquals(List.of(), api.jobs.submitted);
    }

    @Test
    void openAddressMayUseThePcciRoutesWithoutATokenButNotTheRestOfTheApi() throws Exception {
        api.close();
        api = new TestApi(options -> options.pcciOpenAddresses = Set.of(address("127.0.0.1")));
        workers();

        HttpResponse<String> submitted = api.send(api.anonymous("/job").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"cmd\":\"uptime\",\"workers\":[\"w1\"]}")));
        HttpResponse<String> pools = api.send(api.anonymous("/pools").GET());
        HttpResponse<String> jobs = api.send(api.anonymous("/api/v1/jobs").GET());

        assertEquals(200, submitted.statusCode(), submitted.body());
        assertEquals(1, api.json(pools.body()).size());
        assertEquals(401, jobs.statusCode());
    }

    @Test
    void otherOpenAddressesDoNotOpenThePcciRoutesTo127001() throws Exception {
        api.close();
        api = new TestApi(options -> options.pcciOpenAddresses = Set.of(address("10.9.8.7")));

        assertEquals(401, api.send(api.anonymous("/workers").GET()).statusCode());
        assertEquals(200, api.get("/workers").statusCode());
    }

    private static InetAddress address(String ip) {
        return NetUtil.createInetAddressFromIpAddressString(ip);
    }
}
