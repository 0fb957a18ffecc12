package io.colony.itests;

import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;

/**
 * One manager and two workers started from the built distribution inside one network namespace
 * find each other by mDNS with no discovery configuration at all (only the shared cluster secret),
 * see each other's hardware, and notice a worker killed with SIGKILL.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class ClusterIT {

    private static final Duration DISCOVERY_TIMEOUT = Duration.ofSeconds(30);
    /** Loss is detected within 3 s; the margin covers the client's own start-up and polling. */
    private static final Duration LOSS_TIMEOUT = Duration.ofSeconds(3).plusMillis(1500);

    private static NetworkNamespace network;
    private static String secret;
    private static NodeProcess manager;
    private static NodeProcess workerA;
    private static NodeProcess workerB;

    @BeforeClass
    public static void startCluster() throws Exception {
        network = NetworkNamespace.withLoopback("cluster");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        secret = HexFormat.of().formatHex(key);
        manager = start("manager", "manager");
        workerA = start("worker-a", "worker");
        workerB = start("worker-b", "worker");
    }

    private static NodeProcess start(String name, String roles) throws Exception {
        Path home = Files.createTempDirectory(Path.of(System.getProperty("user.dir"), "target"), "cluster-" + name + "-");
        NodeProcess.prepareHome(home, Map.of("io.colony.node.cfg", "cluster.secret = " + secret));
        return NodeProcess.start(home, network::wrap, "--roles", roles);
    }

    @AfterClass
    public static void stopCluster() throws Exception {
        for (NodeProcess node : new NodeProcess[] {manager, workerA, workerB}) {
            if (node != null) {
                node.close();
            }
        }
        if (network != null) {
            network.close();
        }
    }

    @Test
    public void a_everyNodeSeesTheOthersAvailableWithTheirHardware() throws Exception {
        List<NodeProcess> nodes = List.of(manager, workerA, workerB);
        for (NodeProcess node : nodes) {
            for (NodeProcess other : nodes) {
                if (other != node) {
                    String otherId = other.id();
                    node.awaitClient(result -> availableWithHardware(row(result.out(), otherId)), DISCOVERY_TIMEOUT, "colony:nodes");
                }
            }
        }
    }

    @Test
    public void b0_aWorkerTakesItselfOutOfTheAvailableListAndBack() throws Exception {
        String id = workerA.id();
        NodeProcess.Result off = workerA.client("colony:availability", "off");
        assertTrue(off.toString(), off.status() == 0);
        manager.awaitClient(result -> row(result.out(), id).contains(" withdrawn "), DISCOVERY_TIMEOUT, "colony:nodes");
        NodeProcess.Result on = workerA.client("colony:availability", "on");
        assertTrue(on.toString(), on.status() == 0);
        manager.awaitClient(result -> row(result.out(), id).contains(" available "), DISCOVERY_TIMEOUT, "colony:nodes");
    }

    @Test
    public void b_aKilledWorkerTurnsUnavailableWithinThreeSeconds() throws Exception {
        String id = workerB.id();
        manager.awaitClient(result -> row(result.out(), id).contains(" available "), DISCOVERY_TIMEOUT, "colony:nodes");
        long killed = System.nanoTime();
        workerB.process().destroyForcibly();
        assertTrue(workerB.process().waitFor(10, TimeUnit.SECONDS));
        manager.awaitClient(result -> row(result.out(), id).contains(" unavailable "), LOSS_TIMEOUT, "colony:nodes");
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed);
        assertTrue("seen unavailable after " + millis + " ms", millis <= LOSS_TIMEOUT.toMillis());
        String log = Files.readString(manager.home().resolve("log/colony.log"));
        assertTrue(log, log.contains("Node " + id + " lost: "));
    }

    @Test
    public void c_aRestartedWorkerIsSeenAgain() throws Exception {
        String id = workerB.id();
        workerB = NodeProcess.start(workerB.home(), network::wrap, "--roles", "worker");
        manager.awaitClient(result -> availableWithHardware(row(result.out(), id)), DISCOVERY_TIMEOUT, "colony:nodes");
    }

    /** The colony:nodes row of a node, or "" while it is not listed. */
    static String row(String table, String id) {
        for (String line : table.split("\\R")) {
            if (line.startsWith(id + " ")) {
                return line;
            }
        }
        return "";
    }

    private static boolean availableWithHardware(String row) {
        String[] columns = row.trim().split("\\s{2,}");
        return row.contains(" available ") && columns.length >= 9 && columns[5].matches("\\d+/\\d+");
    }
}
