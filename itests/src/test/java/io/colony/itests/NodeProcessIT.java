package io.colony.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;

/**
 * The built distribution run as a real node process and driven through {@code bin/colony client},
 * as an operator or a script would. The last test stops the node with SIGTERM.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class NodeProcessIT {

    private static final Duration DEPLOY_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration CONFIG_TIMEOUT = Duration.ofSeconds(15);
    private static NodeProcess node;

    @BeforeClass
    public static void startNode() throws Exception {
        Path home = Files.createTempDirectory(Path.of(System.getProperty("user.dir"), "target"), "process-node-");
        node = NodeProcess.start(home, "--http-port", "22597", "--local");
        Path primes = NodeDirectory.samplePlugin("colony-plugin-primes");
        Files.copy(primes, node.home().resolve("deploy").resolve(primes.getFileName()));
        node.awaitClient(result -> result.out().contains("primes"), DEPLOY_TIMEOUT, "colony:plugins");
    }

    @AfterClass
    public static void stopNode() throws Exception {
        if (node != null) {
            node.close();
        }
    }

    @Test
    public void a_pluginDroppedIntoDeployIsListedAndGoneWhenRemoved() throws Exception {
        Path mandelbrot = NodeDirectory.samplePlugin("colony-plugin-mandelbrot");
        Path dropped = node.home().resolve("deploy").resolve(mandelbrot.getFileName());
        Files.copy(mandelbrot, dropped, StandardCopyOption.REPLACE_EXISTING);
        NodeProcess.Result listed = node.awaitClient(result -> result.out().contains("mandelbrot"), DEPLOY_TIMEOUT, "colony:plugins");
        assertEquals(0, listed.status());
        assertTrue(listed.out(), listed.out().contains("io.colony.plugins.mandelbrot"));

        Files.delete(dropped);
        NodeProcess.Result gone = node.awaitClient(result -> !result.all().contains("mandelbrot"), DEPLOY_TIMEOUT, "colony:plugins");
        assertEquals(0, gone.status());
        assertTrue(gone.out(), gone.out().contains("primes"));
    }

    @Test
    public void b_runPrintsThePluginsResult() throws Exception {
        NodeProcess.Result result = node.client("colony:run", "--chunks", "4", "primes", "{\"from\":1,\"to\":1000000}");
        assertEquals(result.toString(), 0, result.status());
        assertTrue(result.out(), result.out().contains("\"count\":78498"));
    }

    @Test
    public void c_nodeCommandShowsIdentityAndRoles() throws Exception {
        NodeProcess.Result result = node.client("colony:node");
        assertEquals(result.toString(), 0, result.status());
        assertTrue(result.out(), result.out().contains("manager"));
        assertTrue(result.out(), result.out().contains("worker"));
        assertTrue(result.out(), result.out().contains("22597"));
    }

    @Test
    public void d_unknownPluginIsNamedAndTheCommandFails() throws Exception {
        NodeProcess.Result result = node.client("colony:run", "nope", "{}");
        assertNotEquals(0, result.status());
        assertTrue(result.toString(), result.err().contains("no plugin 'nope'"));
        assertFalse(result.toString(), result.all().contains("\tat "));
    }

    @Test
    public void e_malformedInputNamesTheField() throws Exception {
        NodeProcess.Result result = node.client("colony:run", "primes", "{\"from\":1,\"to\":\"ten\"}");
        assertNotEquals(0, result.status());
        assertTrue(result.toString(), result.err().contains("to: 'ten' is not a valid number"));
        assertFalse(result.toString(), result.all().contains("\tat "));
    }

    @Test
    public void f_wrongArgumentsPrintUsageAndReason() throws Exception {
        NodeProcess.Result result = node.client("colony:run", "--chunks", "zero", "primes", "{}");
        assertNotEquals(0, result.status());
        assertTrue(result.toString(), result.err().contains("--chunks"));
        assertTrue(result.toString(), result.err().contains("usage"));
    }

    @Test
    public void g_malformedCfgValueIsReportedAndTheNodeRecovers() throws Exception {
        Path cfg = node.home().resolve("etc/io.colony.node.cfg");
        String original = Files.readString(cfg);
        try {
            Files.writeString(cfg, original + "\nhttp.port = eighty\n");
            NodeProcess.Result broken = node.awaitClient(result -> result.all().contains("http.port = 'eighty'"), CONFIG_TIMEOUT, "colony:node");
            assertTrue(broken.toString(), broken.all().contains("not a port number"));
            NodeProcess.Result plugins = node.client("colony:plugins");
            assertEquals("the shell still answers: " + plugins, 0, plugins.status());
        } finally {
            Files.writeString(cfg, original);
        }
        NodeProcess.Result healthy = node.awaitClient(result -> result.status() == 0 && result.out().contains("22597"), CONFIG_TIMEOUT, "colony:node");
        assertTrue(healthy.out(), healthy.out().contains("worker"));
        NodeProcess.Result run = node.awaitClient(result -> result.status() == 0, CONFIG_TIMEOUT, "colony:run", "primes", "from=1", "to=100");
        assertTrue(run.out(), run.out().contains("\"count\":25"));
    }

    @Test
    public void z_sigtermStopsTheNodeWithinTenSeconds() throws Exception {
        Process process = node.process();
        long started = System.nanoTime();
        process.destroy();
        assertTrue("the node stopped within 10 s of SIGTERM", process.waitFor(10, TimeUnit.SECONDS));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertFalse("pid file removed after " + millis + " ms", Files.exists(node.home().resolve("data/colony.pid")));
        NodeProcess.Result client = node.client("colony:node");
        assertNotEquals(0, client.status());
        assertTrue(client.toString(), client.err().contains(node.home().toString()));
    }
}
