package io.colony.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/**
 * The README's examples: its first command, bin/colony demo, runs the sample jobs on a fresh node and
 * stops it; its manifest and source jobs run on a node started with --background right before.
 */
public class DemoIT {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @Test
    public void demoRunsBothSampleJobsAndStopsTheNode() throws Exception {
        Path home = Files.createTempDirectory(Path.of(System.getProperty("user.dir"), "target"), "demo-node-");
        NodeProcess.Result demo = NodeProcess.run(List.of("demo", "--home", home.toString(), "--http-port", "22596"));
        assertEquals(demo.toString(), 0, demo.status());
        assertTrue(demo.out(), demo.out().contains("\"count\":3001134"));
        Path image = home.resolve("data/results/mandelbrot.png");
        assertTrue(demo.out(), demo.out().contains(image.toString()));
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(Files.readAllBytes(image), PNG_SIGNATURE.length));
        assertFalse("the demo stopped its node", Files.exists(home.resolve("data/colony.pid")));
    }

    @Test
    public void theManifestExampleRunsRightAfterABackgroundStart() throws Exception {
        String repository = PluginRepositoryFixture.repository().toUri().toString();
        Path home = NodeProcess.prepareHome(Files.createTempDirectory(Path.of(System.getProperty("user.dir"), "target"), "readme-node-"),
                Map.of("io.colony.trust.cfg", "manifest.enabled = true\nmanifest.repositories = " + repository
                        + "\nmanifest.groups = io.colony.*, org.apache.commons"));
        Path job = Files.writeString(home.resolve("stats.json"), "{\"plugin\": \"stats\", \"input\": {\"values\": [2, 4, 4, 4, 5, 5, 7, 9]},"
                + " \"manifest\": {\"bundles\": [\"io.colony.plugins:colony-plugin-stats:1.0.0\"],"
                + " \"repositories\": [{\"id\": \"samples\", \"url\": \"" + repository + "\"}]}}");
        String homeOption = home.toString();
        NodeProcess.Result start = NodeProcess.run(List.of("start", "--background", "--local", "--home", homeOption, "--http-port", "22597"));
        try {
            assertEquals(start.toString(), 0, start.status());
            NodeProcess.Result submit = NodeProcess.run(List.of("client", "--home", homeOption, "colony:submit", job.toString()));
            assertEquals(submit.toString(), 0, submit.status());
            assertTrue(submit.out(), submit.out().contains("\"count\":8,\"sum\":40.0,\"mean\":5.0"));
            NodeProcess.Result artifacts = NodeProcess.run(List.of("client", "--home", homeOption, "colony:artifacts"));
            assertTrue(artifacts.out(), artifacts.out().contains("org.apache.commons:commons-math3:3.6.1"));
        } finally {
            NodeProcess.Result stop = NodeProcess.run(List.of("stop", "--home", homeOption));
            assertEquals(stop.toString(), 0, stop.status());
        }
    }

    @Test
    public void theSourceExampleOfTheReadmeRunsRightAfterABackgroundStart() throws Exception {
        Path home = NodeProcess.prepareHome(Files.createTempDirectory(Path.of(System.getProperty("user.dir"), "target"), "readme-source-"),
                Map.of("io.colony.trust.cfg", "source.enabled = true"));
        Path job = Files.writeString(home.resolve("squares.json"), readmeHereDocument("squares.json"));
        String homeOption = home.toString();
        NodeProcess.Result start = NodeProcess.run(List.of("start", "--background", "--local", "--home", homeOption, "--http-port", "22598"));
        try {
            assertEquals(start.toString(), 0, start.status());
            NodeProcess.Result submit = NodeProcess.run(List.of("client", "--home", homeOption, "colony:submit", job.toString()));
            assertEquals(submit.toString(), 0, submit.status());
            assertTrue(submit.out(), submit.out().contains("333833500"));
        } finally {
            NodeProcess.Result stop = NodeProcess.run(List.of("stop", "--home", homeOption));
            assertEquals(stop.toString(), 0, stop.status());
        }
    }

    /** The text the README writes into a file with {@code cat > file <<'EOF'}, so that the example tested is the one shown. */
    private static String readmeHereDocument(String file) throws java.io.IOException {
        String readme = Files.readString(Path.of(System.getProperty("user.dir")).getParent().resolve("README.md"));
        String start = "cat > " + file + " <<'EOF'\n";
        int from = readme.indexOf(start);
        assertTrue("the README writes " + file, from >= 0);
        int body = from + start.length();
        return readme.substring(body, readme.indexOf("\nEOF\n", body) + 1);
    }
}
