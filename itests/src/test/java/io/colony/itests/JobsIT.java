package io.colony.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;

/**
 * Jobs over a real cluster of one manager and two workers (processes on loopback, static peers): a
 * split job's reduced result is right and ran on both workers; a killed job stops on every worker
 * within 2 s; the REST API, PCCI's routes included, on the real node, with the trust policies of
 * the manager and of each worker both deciding whether a command runs.
 *
 * <p>Trust: the manager allows commands matching {@code echo [a-z]+} or {@code sleep [0-9]+}; worker
 * A allows any command; worker B keeps the default policy (commands denied).
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class JobsIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** How soon a killed job must have stopped everywhere. */
    private static final Duration KILL_DEADLINE = Duration.ofSeconds(2);
    private static final String TRUST = "io.colony.trust.cfg";

    private static JobCluster cluster;

    @BeforeClass
    public static void startCluster() throws Exception {
        PrimeCounts.selfCheck();
        cluster = JobCluster.start("jobs",
                Map.of(TRUST, "commands.enabled = true\ncommands.allow = echo [a-z]+, sleep [0-9]+"),
                Map.of(TRUST, "commands.enabled = true"),
                Map.of());
    }

    @AfterClass
    public static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    // ------------------------------------------------------------------------------------------- 1

    @Test
    public void a_aSplitJobOnTwoWorkersGivesTheRightReducedResultAndRunsOnBoth() throws Exception {
        long from = 1_000_000_007L;
        long to = 5_000_000_000L;
        String id = cluster.submit("{\"plugin\":\"primes\",\"input\":{\"from\":" + from + ",\"to\":" + to + "},\"chunks\":16}");

        JsonNode result = cluster.result(id, 120);
        assertEquals(result.toString(), from, result.get("from").asLong());
        assertEquals(result.toString(), to, result.get("to").asLong());
        assertEquals("primes in [" + from + ", " + to + "]", PrimeCounts.inRange(from, to), result.get("count").asLong());

        JsonNode job = cluster.job(id);
        assertEquals(job.toString(), "SUCCEEDED", job.get("status").asText());
        assertEquals(job.toString(), 16, job.get("taskCount").asInt());
        assertEquals(job.toString(), 16, job.get("tasks").path("SUCCEEDED").asInt());
        Set<String> workers = new TreeSet<>();
        for (JsonNode task : cluster.tasks(id)) {
            assertEquals(task.toString(), "SUCCEEDED", task.get("status").asText());
            workers.add(task.get("worker").asText());
        }
        assertEquals("the workers that ran the tasks", new TreeSet<>(List.of(cluster.workerAId, cluster.workerBId)), workers);

        NodeProcess.Result jobs = cluster.manager().client("colony:jobs");
        assertEquals(jobs.toString(), 0, jobs.status());
        assertTrue(jobs.toString(), ClusterIT.row(jobs.out(), id).contains(" SUCCEEDED "));
        assertTrue(jobs.toString(), ClusterIT.row(jobs.out(), id).contains(" 16/16 "));
    }

    // ------------------------------------------------------------------------------------------- 3

    @Test
    public void b_aKilledJobStopsOnEveryWorkerWithinTwoSeconds() throws Exception {
        // 8 chunks of 2e9 numbers: each task sieves for seconds, the job for well over ten
        String id = cluster.submit("{\"plugin\":\"primes\",\"input\":{\"from\":0,\"to\":15999999999},\"chunks\":8}");
        cluster.awaitJson("/api/v1/jobs/" + id + "/tasks", TIMEOUT,
                body -> computingOn(body.get("tasks"), cluster.workerAId) && computingOn(body.get("tasks"), cluster.workerBId));
        // the measurement below must see a computing worker, or its "stopped" would prove nothing
        double busyA = JobCluster.cores(cluster.workerA(), Duration.ofSeconds(1));
        double busyB = JobCluster.cores(cluster.workerB(), Duration.ofSeconds(1));
        assertTrue("worker A computes: " + busyA + " cores", busyA > 0.3);
        assertTrue("worker B computes: " + busyB + " cores", busyB > 0.3);
        assertFalse("the job still runs", cluster.job(id).get("status").asText().equals("SUCCEEDED"));

        long killedAt = System.nanoTime();
        HttpResponse<String> kill = cluster.post("/api/v1/jobs/" + id + "/kill", "");
        assertEquals(kill.body(), 200, kill.statusCode());
        assertEquals(kill.body(), "KILLED", JobCluster.parse(kill.body()).get("status").asText());
        while (true) {
            JsonNode job = cluster.job(id);
            List<String> unfinished = new ArrayList<>();
            for (JsonNode task : cluster.tasks(id)) {
                String status = task.get("status").asText();
                if (status.equals("RUNNING") || status.equals("QUEUED")) {
                    unfinished.add(task.toString());
                }
            }
            JsonNode workers = cluster.getJson("/api/v1/workers").get("workers");
            int running = 0;
            for (JsonNode worker : workers) {
                running += worker.get("running").asInt();
            }
            if (job.get("status").asText().equals("KILLED") && unfinished.isEmpty() && running == 0) {
                break;
            }
            if (System.nanoTime() - killedAt > KILL_DEADLINE.toNanos()) {
                throw new AssertionError(KILL_DEADLINE + " after the kill: job " + job + ", unfinished tasks " + unfinished
                        + ", workers " + workers);
            }
            Thread.sleep(50);
        }

        NodeProcess.Result table = cluster.manager().client("colony:workers");
        assertTrue(table.toString(), ClusterIT.row(table.out(), cluster.workerAId).contains(" 0/1 "));
        assertTrue(table.toString(), ClusterIT.row(table.out(), cluster.workerBId).contains(" 0/1 "));
        // the workers stopped computing, not just reporting
        double idleA = JobCluster.cores(cluster.workerA(), Duration.ofSeconds(1));
        double idleB = JobCluster.cores(cluster.workerB(), Duration.ofSeconds(1));
        assertTrue("worker A stopped computing: " + idleA + " cores (" + busyA + " before the kill)", idleA < 0.15 && idleA < busyA / 2);
        assertTrue("worker B stopped computing: " + idleB + " cores (" + busyB + " before the kill)", idleB < 0.15 && idleB < busyB / 2);

        HttpResponse<String> result = cluster.get("/api/v1/jobs/" + id + "/result");
        assertEquals(result.body(), 409, result.statusCode());
        assertEquals(result.body(), "KILLED", JobCluster.parse(result.body()).get("status").asText());
    }

    /** Whether a task of the job is computing on the worker: running there, with progress reported. */
    private static boolean computingOn(JsonNode tasks, String worker) {
        for (JsonNode task : tasks) {
            if (task.get("status").asText().equals("RUNNING") && worker.equals(task.get("worker").asText())
                    && task.get("progress").asDouble() > 0) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------------------------------- 5

    @Test
    public void c_pcciWorkersListsTheConnectedWorkersWithTheirTransportAddress() throws Exception {
        HttpResponse<String> response = cluster.get("/workers");
        assertEquals(response.body(), 200, response.statusCode());
        JsonNode workers = JobCluster.parse(response.body());
        assertTrue(response.body(), workers.isArray());
        assertEquals(response.body(), 2, workers.size());
        Map<String, Integer> ports = Map.of(cluster.workerAId, cluster.workerATransportPort, cluster.workerBId, cluster.workerBTransportPort);
        Set<String> seen = new HashSet<>();
        for (JsonNode worker : workers) {
            assertEquals(worker.toString(), Set.of("id", "socket"), fieldNames(worker));
            String id = worker.get("id").asText();
            assertTrue(worker.toString(), ports.containsKey(id));
            seen.add(id);
            JsonNode peer = worker.get("socket").get("_peername");
            assertEquals(worker.toString(), Set.of("address", "family", "port"), fieldNames(peer));
            assertEquals(worker.toString(), "127.0.0.1", peer.get("address").asText());
            assertEquals(worker.toString(), "IPv4", peer.get("family").asText());
            assertTrue(worker.toString(), peer.get("port").isInt());
            assertEquals(worker.toString(), (int) ports.get(id), peer.get("port").asInt());
        }
        assertEquals(ports.keySet(), seen);
    }

    @Test
    public void d_aPoolRunsTheCommandOnAWorkerWhosePolicyAndTheManagersAllowIt() throws Exception {
        HttpResponse<String> submitted = cluster.post("/job", "{\"cmd\":\"echo hello\",\"workers\":[\"" + cluster.workerAId + "\"]}");
        assertEquals(submitted.body(), 200, submitted.statusCode());
        JsonNode answer = JobCluster.parse(submitted.body());
        assertEquals(submitted.body(), Set.of("pool_id", "message"), fieldNames(answer));
        assertEquals("New pool submited", answer.get("message").asText());
        assertTrue(submitted.body(), answer.get("pool_id").isIntegralNumber());
        String poolId = answer.get("pool_id").asText();

        JsonNode pools = cluster.awaitJson("/pool/" + poolId, TIMEOUT, body -> !body.get(0).get("status").isNull());
        assertEquals(pools.toString(), 1, pools.size());
        JsonNode pool = pools.get(0);
        assertEquals(pool.toString(), Set.of("id", "status", "jobs", "cached_at"), fieldNames(pool));
        assertTrue(pool.toString(), pool.get("id").isIntegralNumber());
        assertEquals(pool.toString(), poolId, pool.get("id").asText());
        assertEquals(pool.toString(), 0, pool.get("status").asInt());
        assertTrue(pool.toString(), pool.get("cached_at").isIntegralNumber());
        assertEquals(pool.toString(), 1, pool.get("jobs").size());
        JsonNode job = pool.get("jobs").get(0);
        assertEquals(job.toString(), Set.of("code", "pool", "cmd", "pid", "result", "status", "worker_id", "time_to_calc"), fieldNames(job));
        assertEquals(job.toString(), "JOB", job.get("code").asText());
        assertTrue(job.toString(), job.get("pool").isTextual());
        assertEquals(job.toString(), poolId, job.get("pool").asText());
        assertEquals(job.toString(), "echo hello", job.get("cmd").asText());
        assertTrue(job.toString(), job.get("pid").isInt());
        assertEquals(job.toString(), "hello", job.get("result").asText());
        assertEquals(job.toString(), 0, job.get("status").asInt());
        assertEquals(job.toString(), cluster.workerAId, job.get("worker_id").asText());
        assertTrue(job.toString(), job.get("time_to_calc").isIntegralNumber() && job.get("time_to_calc").asLong() >= 0);

        JsonNode all = JobCluster.parse(cluster.get("/pools").body());
        assertTrue(all.toString(), poolIds(all).contains(poolId));
    }

    @Test
    public void e_aWorkerWhosePolicyDeniesCommandsRefusesItsPartOfAPool() throws Exception {
        HttpResponse<String> submitted = cluster.post("/job",
                "{\"cmd\":\"echo both\",\"workers\":[\"" + cluster.workerAId + "\",\"" + cluster.workerBId + "\"]}");
        assertEquals(submitted.body(), 200, submitted.statusCode());
        String poolId = JobCluster.parse(submitted.body()).get("pool_id").asText();

        JsonNode pool = cluster.awaitJson("/pool/" + poolId, TIMEOUT, body -> !body.get(0).get("status").isNull()).get(0);
        assertEquals(pool.toString(), 1, pool.get("status").asInt());
        Map<String, JsonNode> byWorker = new java.util.HashMap<>();
        for (JsonNode job : pool.get("jobs")) {
            byWorker.put(job.get("worker_id").asText(), job);
        }
        assertEquals(pool.toString(), Set.of(cluster.workerAId, cluster.workerBId), byWorker.keySet());
        assertEquals(pool.toString(), 0, byWorker.get(cluster.workerAId).get("status").asInt());
        assertEquals(pool.toString(), "both", byWorker.get(cluster.workerAId).get("result").asText());
        assertEquals(pool.toString(), 1, byWorker.get(cluster.workerBId).get("status").asInt());

        JsonNode job = cluster.job(poolId);
        assertEquals(job.toString(), "FAILED", job.get("status").asText());
        for (JsonNode task : cluster.tasks(poolId)) {
            if (task.get("worker").asText().equals(cluster.workerBId)) {
                assertEquals(task.toString(), "FAILED", task.get("status").asText());
                assertTrue(task.toString(), task.get("error").asText()
                        .contains("the trust policy of worker " + cluster.workerBId + " denies it"));
            } else {
                assertEquals(task.toString(), "SUCCEEDED", task.get("status").asText());
            }
        }
    }

    @Test
    public void f_theManagersPolicyForbidsACommandAWorkerWouldRun() throws Exception {
        HttpResponse<String> pcci = cluster.post("/job", "{\"cmd\":\"uname -a\",\"workers\":[\"" + cluster.workerAId + "\"]}");
        assertEquals(pcci.body(), 403, pcci.statusCode());
        JsonNode message = JobCluster.parse(pcci.body());
        assertEquals(pcci.body(), Set.of("message"), fieldNames(message));
        assertTrue(pcci.body(), message.get("message").asText().contains("matches no allowed pattern"));

        HttpResponse<String> api = cluster.post("/api/v1/jobs", "{\"command\":\"uname -a\",\"targets\":{\"workers\":[\"" + cluster.workerAId + "\"]}}");
        assertEquals(api.body(), 403, api.statusCode());
        assertEquals(api.body(), "command", JobCluster.parse(api.body()).get("field").asText());

        for (JsonNode pool : JobCluster.parse(cluster.get("/pools").body())) {
            assertFalse("a forbidden command made no pool: " + pool, pool.get("jobs").get(0).get("cmd").asText().equals("uname -a"));
        }
    }

    @Test
    public void g_pcciKillStopsAPoolAndPcciErrorsHavePccisShape() throws Exception {
        HttpResponse<String> submitted = cluster.post("/job", "{\"cmd\":\"sleep 60\",\"workers\":[\"" + cluster.workerAId + "\"]}");
        assertEquals(submitted.body(), 200, submitted.statusCode());
        String poolId = JobCluster.parse(submitted.body()).get("pool_id").asText();
        cluster.awaitJson("/api/v1/jobs/" + poolId + "/tasks", TIMEOUT,
                body -> body.get("tasks").get(0).get("status").asText().equals("RUNNING"));
        HttpResponse<String> kill = cluster.send(cluster.request("/kill/" + poolId).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"workers\":[\"" + cluster.workerAId + "\"]}")).build());
        assertEquals(kill.body(), 200, kill.statusCode());
        assertEquals("Trying to kill job from pool : " + poolId + " on " + cluster.workerAId,
                JobCluster.parse(kill.body()).get("message").asText());
        JsonNode pool = cluster.awaitJson("/pool/" + poolId, Duration.ofSeconds(5), body -> !body.get(0).get("status").isNull()).get(0);
        assertEquals(pool.toString(), 1, pool.get("status").asInt());
        assertEquals(pool.toString(), 1, pool.get("jobs").get(0).get("status").asInt());

        assertPcciError(cluster.post("/job", "{\"cmd\":\"echo hi\",\"workers\":[\"no-such-worker\"]}"), 400,
                "One or more worker not connected, try GET /workers");
        assertPcciError(cluster.post("/job", "{\"workers\":[\"" + cluster.workerAId + "\"]}"), 400, "Missing command");
        assertPcciError(cluster.get("/pool/1"), 404, "Pool ID not found or expired");
        String pluginJob = cluster.submit("{\"plugin\":\"primes\",\"input\":{\"from\":0,\"to\":1000}}");
        assertPcciError(cluster.get("/pool/" + pluginJob), 404, "Pool ID not found or expired");
        assertFalse("plugin jobs are no pools", poolIds(JobCluster.parse(cluster.get("/pools").body())).contains(pluginJob));
        cluster.result(pluginJob, 60);
    }

    private static void assertPcciError(HttpResponse<String> response, int status, String message) throws Exception {
        assertEquals(response.body(), status, response.statusCode());
        JsonNode body = JobCluster.parse(response.body());
        assertEquals(response.body(), Set.of("message"), fieldNames(body));
        assertEquals(message, body.get("message").asText());
    }

    @Test
    public void h_badRequestsGetJsonErrorsAndTheNodeKeepsServing() throws Exception {
        HttpResponse<String> malformed = cluster.post("/api/v1/jobs", "{\"plugin\":\"primes\",}");
        assertApiError(malformed, 400);
        assertTrue(malformed.body(), JobCluster.parse(malformed.body()).get("error").asText().contains("not valid JSON"));

        HttpResponse<String> noToken = cluster.send(HttpRequest.newBuilder(cluster.uri("/api/v1/jobs")).timeout(TIMEOUT).GET().build());
        assertApiError(noToken, 401);
        assertEquals(noToken.headers().toString(), "Bearer realm=\"colony\"", noToken.headers().firstValue("WWW-Authenticate").orElse(null));
        HttpResponse<String> pcciNoToken = cluster.send(HttpRequest.newBuilder(cluster.uri("/workers")).timeout(TIMEOUT).GET().build());
        assertEquals(pcciNoToken.body(), 401, pcciNoToken.statusCode());
        HttpResponse<String> wrongToken = cluster.send(HttpRequest.newBuilder(cluster.uri("/api/v1/jobs")).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + "0".repeat(64)).GET().build());
        assertApiError(wrongToken, 403);

        HttpResponse<String> unknownJob = cluster.get("/api/v1/jobs/123");
        assertApiError(unknownJob, 404);
        assertEquals("no job 123", JobCluster.parse(unknownJob.body()).get("error").asText());

        HttpResponse<String> unknownPlugin = cluster.post("/api/v1/jobs", "{\"plugin\":\"no-such-plugin\",\"input\":{\"from\":0,\"to\":10}}");
        assertApiError(unknownPlugin, 400);
        assertEquals(unknownPlugin.body(), "plugin", JobCluster.parse(unknownPlugin.body()).get("field").asText());
        assertTrue(unknownPlugin.body(), JobCluster.parse(unknownPlugin.body()).get("error").asText().contains("no-such-plugin"));

        // one byte over the default max.body.bytes (16 MiB), announced by Content-Length: refused without reading the body
        int limit = 16 * 1024 * 1024;
        String head = "POST /api/v1/jobs HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + cluster.token()
                + "\r\nContent-Type: application/json\r\n";
        JobCluster.RawAnswer announced = cluster.raw(head + "Content-Length: " + (limit + 1) + "\r\n", out -> { });
        assertRawError(announced, 413);
        // the same in chunks, which no Content-Length announces: refused while reading
        JobCluster.RawAnswer chunked = cluster.raw(head + "Transfer-Encoding: chunked\r\n", out -> {
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) ' ');
            byte[] size = (Integer.toHexString(chunk.length) + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            for (int sent = 0; sent <= limit; sent += chunk.length) {
                out.write(size);
                out.write(chunk);
                out.write(new byte[] {'\r', '\n'});
            }
            out.write("0\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        });
        assertRawError(chunked, 413);

        HttpResponse<String> health = cluster.health();
        assertEquals(health.body(), 200, health.statusCode());
        assertEquals(health.body(), cluster.managerId, JobCluster.parse(health.body()).get("node").asText());
        assertNotNull(cluster.getJson("/api/v1/jobs?limit=5").get("jobs"));
        String id = cluster.submit("{\"plugin\":\"primes\",\"input\":{\"from\":0,\"to\":1000000},\"chunks\":2}");
        assertEquals(PrimeCounts.inRange(0, 1_000_000), cluster.result(id, 60).get("count").asLong());
    }

    private static void assertApiError(HttpResponse<String> response, int status) throws Exception {
        assertEquals(response.body(), status, response.statusCode());
        assertTrue(response.headers().toString(), response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode body = JobCluster.parse(response.body());
        assertTrue(response.body(), body.get("error").isTextual() && !body.get("error").asText().isBlank());
    }

    private static void assertRawError(JobCluster.RawAnswer answer, int status) throws Exception {
        assertEquals(answer.head() + answer.body(), status, answer.status());
        assertTrue(answer.head(), answer.head().toLowerCase(java.util.Locale.ROOT).contains("content-type: application/json"));
        assertTrue(answer.body(), JobCluster.parse(answer.body()).get("error").asText().contains("larger than"));
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        return names;
    }

    private static Set<String> poolIds(JsonNode pools) {
        Set<String> ids = new HashSet<>();
        for (JsonNode pool : pools) {
            ids.add(pool.get("id").asText());
        }
        return ids;
    }
}
