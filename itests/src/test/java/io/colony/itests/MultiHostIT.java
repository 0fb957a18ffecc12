package io.colony.itests;

import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
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
 * Three "hosts", each node in its own network namespace, on one LAN (veth pairs on a bridge in a
 * fourth namespace): discovery crosses real interfaces, and cutting a host's cable is noticed.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class MultiHostIT {

    private static final Duration DISCOVERY_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration LOSS_TIMEOUT = Duration.ofSeconds(3).plusMillis(1500);

    private static final List<NetworkNamespace> namespaces = new ArrayList<>();
    private static NetworkNamespace lan;
    private static NodeProcess manager;
    private static NodeProcess workerA;
    private static NodeProcess workerB;

    @BeforeClass
    public static void startHosts() throws Exception {
        lan = NetworkNamespace.withBridge("lan");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String secret = HexFormat.of().formatHex(key);
        manager = startHost(1, "manager", secret);
        workerA = startHost(2, "worker", secret);
        workerB = startHost(3, "worker", secret);
    }

    private static NodeProcess startHost(int number, String roles, String secret) throws Exception {
        NetworkNamespace host = NetworkNamespace.create("host" + number);
        namespaces.add(host);
        host.plugInto(lan, "cable" + number, "10.77.0." + number + "/24");
        Path home = Files.createTempDirectory(Path.of(System.getProperty("user.dir"), "target"), "host" + number + "-");
        NodeProcess.prepareHome(home, Map.of("io.colony.node.cfg", "cluster.secret = " + secret));
        return NodeProcess.start(home, host::wrap, "--roles", roles);
    }

    @AfterClass
    public static void stopHosts() throws Exception {
        for (NodeProcess node : new NodeProcess[] {manager, workerA, workerB}) {
            if (node != null) {
                node.close();
            }
        }
        for (NetworkNamespace namespace : namespaces) {
            namespace.close();
        }
        if (lan != null) {
            lan.close();
        }
    }

    @Test
    public void a_nodesOnDifferentHostsFindEachOtherAcrossTheLan() throws Exception {
        for (NodeProcess worker : List.of(workerA, workerB)) {
            String id = worker.id();
            NodeProcess.Result seen = manager.awaitClient(result -> ClusterIT.row(result.out(), id).contains(" available "),
                    DISCOVERY_TIMEOUT, "colony:nodes");
            assertTrue(seen.out(), ClusterIT.row(seen.out(), id).contains("10.77.0."));
        }
    }

    @Test
    public void b_cuttingAHostsCableIsNoticedWithinThreeSeconds() throws Exception {
        String id = workerB.id();
        manager.awaitClient(result -> ClusterIT.row(result.out(), id).contains(" available "), DISCOVERY_TIMEOUT, "colony:nodes");
        long cut = System.nanoTime();
        lan.ip("link", "set", "cable3", "down");
        manager.awaitClient(result -> ClusterIT.row(result.out(), id).contains(" unavailable "), LOSS_TIMEOUT, "colony:nodes");
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - cut);
        assertTrue("seen unavailable after " + millis + " ms", millis <= LOSS_TIMEOUT.toMillis());
    }

    @Test
    public void c_aReconnectedHostIsSeenAgain() throws Exception {
        String id = workerB.id();
        lan.ip("link", "set", "cable3", "up");
        manager.awaitClient(result -> ClusterIT.row(result.out(), id).contains(" available "), DISCOVERY_TIMEOUT, "colony:nodes");
    }
}
