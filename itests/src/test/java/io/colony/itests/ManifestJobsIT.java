package io.colony.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;

/**
 * Manifest jobs (topology 2) over a real cluster of one manager and two workers (processes on
 * loopback): neither worker has the stats plugin, which comes with commons-math3 from the file
 * repository the build writes (plugins-repo/repository).
 *
 * <p>Trust: the manager and worker A allow manifest jobs from that repository for the groupIds
 * {@code io.colony.*} and {@code org.apache.commons}; worker B keeps the default policy, which
 * denies manifest jobs, so it refuses every manifest task and the manager sends them to A.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class ManifestJobsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TRUST = "io.colony.trust.cfg";
    private static final String STATS = PluginRepositoryFixture.STATS_PLUGIN;
    private static final int RESULT_SECONDS = 120;

    private static String repositoryUrl;
    private static JobCluster cluster;

    @BeforeClass
    public static void startCluster() throws Exception {
        repositoryUrl = PluginRepositoryFixture.repository().toUri().toString();
        String manifestJobs = "manifest.enabled = true\nmanifest.repositories = " + repositoryUrl
                + "\nmanifest.groups = io.colony.*, org.apache.commons";
        cluster = JobCluster.start("manifest", Map.of(TRUST, manifestJobs), Map.of(TRUST, manifestJobs), Map.of());
    }

    @AfterClass
    public static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    public void a_aSplitJobGetsThePluginFromTheRepositoryAndRunsOnlyOnTheWorkerWhosePolicyAllowsIt() throws Exception {
        List<Integer> values = new ArrayList<>();
        for (int i = 1; i <= 1000; i++) {
            values.add(i);
        }
        String id = cluster.submit(spec(STATS, repositoryUrl, Map.of("values", values), 4));

        JsonNode result = cluster.result(id, RESULT_SECONDS);
        assertEquals(result.toString(), 1000, result.get("count").asInt());
        assertEquals(result.toString(), 500_500.0, result.get("sum").asDouble(), 1e-6);
        assertEquals(result.toString(), 500.5, result.get("mean").asDouble(), 1e-9);
        assertEquals(result.toString(), 1.0, result.get("min").asDouble(), 0);
        assertEquals(result.toString(), 1000.0, result.get("max").asDouble(), 0);
        // the sample variance of 1..n is n(n+1)/12
        assertEquals(result.toString(), 1000.0 * 1001 / 12, result.get("variance").asDouble(), 1e-6);

        JsonNode tasks = cluster.tasks(id);
        assertEquals(tasks.toString(), 4, tasks.size());
        boolean refusedByB = false;
        for (JsonNode task : tasks) {
            assertEquals(task.toString(), "SUCCEEDED", task.get("status").asText());
            assertEquals("worker B's policy denies manifest jobs: " + task, cluster.workerAId, task.get("worker").asText());
            JsonNode setup = task.get("setup");
            assertTrue("the worker reported its setup: " + task, setup != null && setup.isObject());
            List<String> artifacts = new ArrayList<>();
            setup.get("artifacts").forEach(artifact -> artifacts.add(artifact.asText()));
            assertTrue(task.toString(), artifacts.containsAll(List.of(STATS, PluginRepositoryFixture.MATH)));
            refusedByB |= task.get("attempts").asInt() > 1;
        }
        assertTrue("the manager offered worker B a task, which it refused: " + tasks, refusedByB);
    }

    @Test
    public void b_theNextJobFindsThePluginOnTheWorker() throws Exception {
        String id = cluster.submit(spec(STATS, repositoryUrl, Map.of("values", List.of(2, 4, 4, 4, 5, 5, 7, 9)), 0));

        JsonNode result = cluster.result(id, RESULT_SECONDS);
        assertEquals(result.toString(), 4.5, result.get("median").asDouble(), 0);
        JsonNode task = cluster.tasks(id).get(0);
        assertEquals(task.toString(), cluster.workerAId, task.get("worker").asText());
        assertTrue("live or cached, nothing downloaded: " + task, task.get("setup").get("fromCache").asBoolean());
    }

    @Test
    public void c_theManagerRefusesARepositoryItsPolicyDoesNotAllow() throws Exception {
        HttpResponse<String> response = cluster.post("/api/v1/jobs",
                spec(STATS, "https://repo.example.org/maven2", Map.of("values", List.of(1)), 0));

        assertEquals(response.body(), 403, response.statusCode());
        JsonNode error = JobCluster.parse(response.body());
        assertEquals(response.body(), "manifest", error.get("field").asText());
        assertTrue(response.body(), error.get("error").asText().contains("https://repo.example.org/maven2"));
    }

    @Test
    public void d_anArtifactTheRepositoryDoesNotHoldFailsTheJobWithItsName() throws Exception {
        String missing = "io.colony.plugins:colony-plugin-nothing:1.0.0";
        String id = cluster.submit(spec(missing, repositoryUrl, Map.of("values", List.of(1)), 0));

        JsonNode job = cluster.awaitJson("/api/v1/jobs/" + id, Duration.ofSeconds(RESULT_SECONDS),
                body -> body.get("status").asText().equals("FAILED"));
        String error = job.get("error").asText();
        assertTrue(error, error.contains(missing + " was not found"));
        assertFalse(error, cluster.getJson("/api/v1/workers").toString().contains("colony-plugin-nothing"));
    }

    private static String spec(String bundle, String repository, Object input, int chunks) throws Exception {
        ObjectNode spec = JSON.createObjectNode();
        spec.put("plugin", "stats");
        ObjectNode manifest = spec.putObject("manifest");
        manifest.putArray("bundles").add(bundle);
        manifest.putArray("repositories").addObject().put("id", "samples").put("url", repository);
        spec.set("input", JSON.valueToTree(input));
        spec.put("chunks", chunks);
        spec.put("retries", 3);
        return JSON.writeValueAsString(spec);
    }
}
