package io.colony.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;

/**
 * Source jobs (topology 3) over a real cluster of one manager and two workers (processes on loopback),
 * submitted through the REST API: worker A runs source in a child JVM per task (the default isolation),
 * worker B in its own JVM ({@code source.isolation = in-process}). Both allow source jobs with a wall-clock
 * limit of a few seconds. Each job names its worker (a pool of one task).
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class SourceJobsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TRUST = "io.colony.trust.cfg";
    private static final int RESULT_SECONDS = 90;

    /** Word counts and a factorial: collections, strings, BigInteger, progress, the logger and the JSON codec. */
    private static final String WORDS = """
            package demo;

            import io.colony.api.plugin.Payload;
            import io.colony.api.plugin.Plugin;
            import io.colony.api.plugin.PluginException;
            import io.colony.api.plugin.TaskContext;
            import java.math.BigInteger;
            import java.util.Locale;
            import java.util.Map;
            import java.util.TreeMap;

            public class Words implements Plugin {
                public record Input(String text, int n) { }

                @Override
                public Payload execute(Payload input, TaskContext context) throws PluginException {
                    Input in = context.json().decode(input, Input.class);
                    Map<String, Integer> counts = new TreeMap<>();
                    String[] words = in.text().toLowerCase(Locale.ROOT).split("[^a-z]+");
                    for (int i = 0; i < words.length; i++) {
                        if (!words[i].isEmpty()) {
                            counts.merge(words[i], 1, Integer::sum);
                        }
                        context.progress(i + 1, words.length);
                    }
                    BigInteger factorial = BigInteger.ONE;
                    for (int i = 2; i <= in.n(); i++) {
                        factorial = factorial.multiply(BigInteger.valueOf(i));
                    }
                    context.logger().log(System.Logger.Level.INFO, "counted " + counts.size() + " words");
                    return context.json().encode(Map.of("counts", counts, "factorial", factorial.toString()));
                }
            }
            """;

    private static final String TEXT = "The quick brown fox jumps over the lazy dog; the dog sleeps, the fox runs.";

    private static JobCluster cluster;

    @BeforeClass
    public static void startCluster() throws Exception {
        String sourceJobs = "source.enabled = true\nsource.wall.seconds = 8\n";
        cluster = JobCluster.start("source", Map.of(TRUST, sourceJobs), Map.of(TRUST, sourceJobs),
                Map.of(TRUST, sourceJobs + "source.isolation = in-process\n"));
    }

    @AfterClass
    public static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    public void a_aCorrectProgramGivesTheSameResultAsTheComputationDoneHereInBothIsolations() throws Exception {
        for (String worker : new String[] {cluster.workerAId, cluster.workerBId}) {
            String id = cluster.submit(spec("demo/Words.java", WORDS, "demo.Words", JSON.createObjectNode().put("text", TEXT).put("n", 30), worker));
            JsonNode result = output(id);
            assertEquals(result.toString(), expectedCounts(), JSON.convertValue(result.get("counts"), TreeMap.class));
            assertEquals(result.toString(), factorial(30).toString(), result.get("factorial").asText());
            JsonNode task = cluster.tasks(id).get(0);
            assertEquals(task.toString(), worker, task.get("worker").asText());
            assertEquals(task.toString(), "SUCCEEDED", task.get("status").asText());
        }
    }

    @Test
    public void b_aSourceThatDoesNotCompileFailsTheJobWithTheCompilersDiagnostics() throws Exception {
        String broken = "package demo;\npublic class Broken implements io.colony.api.plugin.Plugin {\n    int x = ;\n}\n";
        String id = cluster.submit(spec("demo/Broken.java", broken, "demo.Broken", JSON.createObjectNode(), cluster.workerAId));
        JsonNode job = awaitFailed(id);
        String error = job.get("error").asText();
        assertTrue(error, error.contains("demo/Broken.java:3:"));
        JsonNode diagnostics = cluster.tasks(id).get(0).get("diagnostics");
        assertTrue("the task's diagnostics: " + diagnostics, diagnostics != null && diagnostics.size() >= 1);
        JsonNode first = diagnostics.get(0);
        assertEquals(first.toString(), "ERROR", first.get("kind").asText());
        assertEquals(first.toString(), "demo/Broken.java", first.get("file").asText());
        assertEquals(first.toString(), 3, first.get("line").asInt());
        assertTrue(first.toString(), first.get("column").asInt() > 0 && !first.get("message").asText().isBlank());
    }

    @Test
    public void c_aSourceThatReadsAFileIsRefusedBeforeItRunsInBothIsolations() throws Exception {
        String reader = """
                package demo;
                import io.colony.api.plugin.*;
                public class Reader implements Plugin {
                    public Payload execute(Payload input, TaskContext context) throws PluginException {
                        try {
                            return Payload.text(java.nio.file.Files.readString(java.nio.file.Path.of("/etc/hostname")));
                        } catch (java.io.IOException e) {
                            throw new PluginException(e.toString());
                        }
                    }
                }
                """;
        for (String worker : new String[] {cluster.workerAId, cluster.workerBId}) {
            String id = cluster.submit(spec("demo/Reader.java", reader, "demo.Reader", JSON.createObjectNode(), worker));
            String error = awaitFailed(id).get("error").asText();
            assertTrue(error, error.contains("java.nio.file.Files"));
        }
    }

    @Test
    public void d_anEndlessLoopIsStoppedAtTheWallClockLimitAndTheWorkerRunsTheNextJob() throws Exception {
        String loop = """
                package demo;
                import io.colony.api.plugin.*;
                public class Loop implements Plugin {
                    public Payload execute(Payload input, TaskContext context) {
                        long spins = 0;
                        while (true) {
                            try {
                                spins++;
                            } catch (Throwable swallowed) {
                                spins--;
                            }
                        }
                    }
                }
                """;
        for (String worker : new String[] {cluster.workerAId, cluster.workerBId}) {
            String id = cluster.submit(spec("demo/Loop.java", loop, "demo.Loop", JSON.createObjectNode(), worker));
            String error = awaitFailed(id).get("error").asText();
            assertTrue(error, error.toLowerCase(java.util.Locale.ROOT).contains("wall"));

            String next = cluster.submit(spec("demo/Words.java", WORDS, "demo.Words", JSON.createObjectNode().put("text", "a b a").put("n", 3), worker));
            assertEquals("6", output(next).get("factorial").asText());
        }
    }

    @Test
    public void e_aSourceJobCannotBeSplitAndTheManagerSaysSo() throws Exception {
        ObjectNode spec = (ObjectNode) JSON.readTree(spec("demo/Words.java", WORDS, "demo.Words", JSON.createObjectNode(), cluster.workerAId));
        spec.put("chunks", 4);
        HttpResponse<String> response = cluster.post("/api/v1/jobs", JSON.writeValueAsString(spec));
        assertEquals(response.body(), 400, response.statusCode());
        assertEquals(response.body(), "chunks", JobCluster.parse(response.body()).get("field").asText());
    }

    /** The output of the job's one task: a job naming its workers is a pool, whose result has an entry per task. */
    private static JsonNode output(String id) throws Exception {
        JsonNode pool = cluster.result(id, RESULT_SECONDS);
        assertEquals(pool.toString(), 1, pool.size());
        return pool.get(0).get("output");
    }

    private static JsonNode awaitFailed(String id) throws Exception {
        return cluster.awaitJson("/api/v1/jobs/" + id, Duration.ofSeconds(RESULT_SECONDS), body -> body.get("status").asText().equals("FAILED"));
    }

    private static String spec(String path, String text, String entryClass, JsonNode input, String worker) throws Exception {
        ObjectNode spec = JSON.createObjectNode();
        ObjectNode source = spec.putObject("source");
        source.putObject("files").put(path, text);
        source.put("entryClass", entryClass);
        spec.set("input", input);
        spec.putObject("targets").putArray("workers").add(worker);
        spec.put("retries", 0);
        return JSON.writeValueAsString(spec);
    }

    private static Map<String, Integer> expectedCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        for (String word : TEXT.toLowerCase(java.util.Locale.ROOT).split("[^a-z]+")) {
            if (!word.isEmpty()) {
                counts.merge(word, 1, Integer::sum);
            }
        }
        return counts;
    }

    private static BigInteger factorial(int n) {
        BigInteger value = BigInteger.ONE;
        for (int i = 2; i <= n; i++) {
            value = value.multiply(BigInteger.valueOf(i));
        }
        return value;
    }
}
