package io.colony.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;

/**
 * Jobs survive the loss of a node, in a real cluster of one manager and two workers (processes on
 * loopback, static peers, default trust policies everywhere): the manager killed with SIGKILL and
 * started again in the same home lists every job it had and finishes the unfinished one; a worker
 * killed with SIGKILL in the middle of a job has its tasks run again on the other worker, and the job
 * succeeds with the right result.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class JobFailoverIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static JobCluster cluster;

    @BeforeClass
    public static void startCluster() throws Exception {
        PrimeCounts.selfCheck();
        cluster = JobCluster.start("failover", Map.of(), Map.of(), Map.of());
    }

    @AfterClass
    public static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    public void a_theDefaultTrustPolicyForbidsCommands() throws Exception {
        HttpResponse<String> pcci = cluster.post("/job", "{\"cmd\":\"echo hello\",\"workers\":[\"" + cluster.workerAId + "\"]}");
        assertEquals(pcci.body(), 403, pcci.statusCode());
        JsonNode body = JobCluster.parse(pcci.body());
        assertEquals(pcci.body(), 1, body.size());
        assertTrue(pcci.body(), body.get("message").asText().contains("commands are disabled"));

        HttpResponse<String> api = cluster.post("/api/v1/jobs", "{\"command\":\"echo hello\"}");
        assertEquals(api.body(), 403, api.statusCode());
        assertEquals(api.body(), "command", JobCluster.parse(api.body()).get("field").asText());
        assertEquals("[]", cluster.get("/pools").body());
    }

    @Test
    public void b_aManagerKilledAndRestartedListsEveryJobAndFinishesTheUnfinishedOne() throws Exception {
        String succeeded = cluster.submit("{\"plugin\":\"primes\",\"input\":{\"from\":0,\"to\":100000000},\"chunks\":4}");
        assertEquals(PrimeCounts.inRange(0, 100_000_000), cluster.result(succeeded, 60).get("count").asLong());
        String killed = cluster.submit("{\"plugin\":\"primes\",\"input\":{\"from\":0,\"to\":15999999999},\"chunks\":8}");
        HttpResponse<String> kill = cluster.post("/api/v1/jobs/" + killed + "/kill", "");
        assertEquals(kill.body(), 200, kill.statusCode());
        assertEquals(kill.body(), "KILLED", JobCluster.parse(kill.body()).get("status").asText());

        long from = 0;
        long to = 6_000_000_000L;
        String unfinished = cluster.submit("{\"plugin\":\"primes\",\"input\":{\"from\":" + from + ",\"to\":" + to + "},\"chunks\":40}");
        JsonNode tasks = cluster.awaitJson("/api/v1/jobs/" + unfinished + "/tasks", TIMEOUT, body -> count(body.get("tasks"), "SUCCEEDED") >= 6)
                .get("tasks");
        Map<Integer, JsonNode> doneBefore = byIndex(tasks, "SUCCEEDED");
        // the store writes behind (every 20 ms): give the tasks seen done time to be committed before the kill
        Thread.sleep(1000);
        assertEquals("the job must still run when the manager is killed", "RUNNING", cluster.job(unfinished).get("status").asText());
        Instant killedAt = Instant.now();
        cluster.killAndRestartManager();

        Map<String, String> listed = new HashMap<>();
        for (JsonNode job : cluster.getJson("/api/v1/jobs").get("jobs")) {
            listed.put(job.get("id").asText(), job.get("status").asText());
        }
        assertEquals(listed.toString(), "SUCCEEDED", listed.get(succeeded));
        assertEquals(listed.toString(), "KILLED", listed.get(killed));
        assertTrue(listed.toString(), listed.containsKey(unfinished));
        assertEquals("the result of a job finished before the restart", PrimeCounts.inRange(0, 100_000_000),
                cluster.result(succeeded, 0).get("count").asLong());

        JsonNode result = cluster.result(unfinished, 120);
        assertEquals("primes in [" + from + ", " + to + "]", PrimeCounts.inRange(from, to), result.get("count").asLong());
        JsonNode job = cluster.job(unfinished);
        assertEquals(job.toString(), "SUCCEEDED", job.get("status").asText());
        assertTrue(job.toString(), Instant.parse(job.get("finishedAt").asText()).isAfter(killedAt));
        JsonNode after = cluster.tasks(unfinished);
        assertEquals(after.toString(), 40, after.size());
        int finishedAfterRestart = 0;
        for (JsonNode task : after) {
            assertEquals(task.toString(), "SUCCEEDED", task.get("status").asText());
            if (Instant.parse(task.get("finishedAt").asText()).isAfter(killedAt)) {
                finishedAfterRestart++;
            }
            JsonNode before = doneBefore.get(task.get("index").asInt());
            if (before != null) {
                assertEquals("a task done before the kill is not run again: " + task, summary(before), summary(task));
            }
        }
        assertTrue("tasks left at the kill ran after the restart", finishedAfterRestart > 0);

        NodeProcess.Result jobs = cluster.manager().client("colony:jobs");
        assertEquals(jobs.toString(), 0, jobs.status());
        assertTrue(jobs.toString(), ClusterIT.row(jobs.out(), succeeded).contains(" SUCCEEDED "));
        assertTrue(jobs.toString(), ClusterIT.row(jobs.out(), killed).contains(" KILLED "));
        assertTrue(jobs.toString(), ClusterIT.row(jobs.out(), unfinished).contains(" SUCCEEDED "));
    }

    @Test
    public void c_aJobSucceedsThoughAWorkerIsKilledInTheMiddle() throws Exception {
        cluster.awaitReady();
        long from = 1_000_000_000L;
        long to = 5_000_000_000L;
        String id = cluster.submit("{\"plugin\":\"primes\",\"input\":{\"from\":" + from + ",\"to\":" + to + "},\"chunks\":60}");
        String victim = cluster.workerBId;
        String survivor = cluster.workerAId;
        cluster.awaitJson("/api/v1/jobs/" + id + "/tasks", TIMEOUT, body -> {
            for (JsonNode task : body.get("tasks")) {
                if (task.get("status").asText().equals("SUCCEEDED") && victim.equals(task.get("worker").asText())) {
                    return true;
                }
            }
            return false;
        });
        cluster.workerB().kill();
        JsonNode atKill = cluster.tasks(id);
        Map<Integer, JsonNode> doneAtKill = byIndex(atKill, "SUCCEEDED");
        assertTrue("the job must still have work when the worker is killed: " + atKill, doneAtKill.size() < atKill.size());

        JsonNode result = cluster.result(id, 120);
        assertEquals("primes in [" + from + ", " + to + "]", PrimeCounts.inRange(from, to), result.get("count").asLong());
        JsonNode job = cluster.job(id);
        assertEquals(job.toString(), "SUCCEEDED", job.get("status").asText());
        List<String> rerun = new ArrayList<>();
        int afterKill = 0;
        Map<Integer, JsonNode> seenAtKill = byIndex(atKill, null);
        for (JsonNode task : cluster.tasks(id)) {
            assertEquals(task.toString(), "SUCCEEDED", task.get("status").asText());
            int index = task.get("index").asInt();
            if (doneAtKill.containsKey(index)) {
                continue;
            }
            if (victim.equals(task.get("worker").asText())) {
                // only a result the victim had sent before it died, for the attempt it was running then
                JsonNode then = seenAtKill.get(index);
                assertTrue("after the kill, a task ended on the killed worker: " + task + ", at the kill: " + then,
                        then != null && then.get("status").asText().equals("RUNNING") && victim.equals(then.get("worker").asText())
                                && then.get("attempts").asInt() == task.get("attempts").asInt());
                continue;
            }
            assertEquals("a task unfinished at the kill ran on the survivor: " + task, survivor, task.get("worker").asText());
            afterKill++;
            if (task.get("attempts").asInt() > 1) {
                rerun.add(task.toString());
            }
        }
        assertTrue("tasks ran on the surviving worker after the kill", afterKill > 0);
        assertFalse("the killed worker's tasks in flight were sent again to the survivor", rerun.isEmpty());

        cluster.awaitJson("/api/v1/workers", TIMEOUT, body -> {
            for (JsonNode worker : body.get("workers")) {
                if (victim.equals(worker.get("id").asText()) && worker.get("state").asText().equals("AVAILABLE")) {
                    return false;
                }
            }
            return true;
        });
    }

    private static int count(JsonNode tasks, String status) {
        int count = 0;
        for (JsonNode task : tasks) {
            if (task.get("status").asText().equals(status)) {
                count++;
            }
        }
        return count;
    }

    /** What a finished task keeps across a restart: status, worker, attempts, end (to the millisecond, as stored). */
    private static String summary(JsonNode task) {
        return task.get("status").asText() + " on " + task.get("worker").asText() + ", attempt " + task.get("attempts").asInt()
                + ", ended " + Instant.parse(task.get("finishedAt").asText()).truncatedTo(ChronoUnit.MILLIS);
    }

    /** The tasks by index, those in the given status only (or all for null). */
    private static Map<Integer, JsonNode> byIndex(JsonNode tasks, String status) {
        Map<Integer, JsonNode> found = new HashMap<>();
        for (JsonNode task : tasks) {
            if (status == null || task.get("status").asText().equals(status)) {
                found.put(task.get("index").asInt(), task);
            }
        }
        return found;
    }
}
