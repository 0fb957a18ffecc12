package io.colony.discovery.internal.mdns;

import io.colony.api.node.Role;
import io.colony.discovery.internal.NodeAdvert;
import io.colony.discovery.internal.peers.Candidate;
import io.colony.discovery.internal.peers.CandidateSink;
import io.colony.discovery.internal.testsupport.RecordingLogger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A node's mDNS advertiser and browser alone, for the namespaced mDNS test: started with
 * {@code <id> <cluster> <transport port> <interfaces, or "" for all>}, prints {@code READY} and then
 * {@code DISCOVERED <id> <host>:<port>} and {@code REMOVED <key>} lines until it is killed. Refuses
 * to start outside a network namespace of its own, so that it can never multicast on the
 * machine's real network.
 */
public final class MdnsProbeMain {

    /** The network namespace of the test that starts the probe, which the probe must not be in. */
    static final String OUTSIDE_NAMESPACE_PROPERTY = "colony.test.outside.netns";

    private MdnsProbeMain() {
    }

    /** This process's network namespace, as {@code net:[inode]}. */
    static String currentNetworkNamespace() throws IOException {
        return Files.readSymbolicLink(Path.of("/proc/self/ns/net")).toString();
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: MdnsProbeMain <id> <cluster> <port> <interfaces>");
        }
        String outside = System.getProperty(OUTSIDE_NAMESPACE_PROPERTY, "");
        if (outside.isEmpty() || outside.equals(currentNetworkNamespace())) {
            throw new IllegalStateException("not inside a network namespace created by the test (-D" + OUTSIDE_NAMESPACE_PROPERTY
                    + " = the test's own namespace): refusing to send multicast");
        }
        NodeAdvert self = new NodeAdvert(args[0], args[1], Set.of(Role.WORKER), Integer.parseInt(args[2]), Map.of("probe", "yes"));
        List<String> interfaces = Arrays.stream(args[3].split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        RecordingLogger log = new RecordingLogger(true);
        InterfaceSelection.Result chosen = InterfaceSelection.choose(interfaces, NetworkInterfaceView.current());
        chosen.problems().forEach(problem -> System.err.println("PROBLEM " + problem));
        System.err.println("CHOSEN " + chosen.addresses());
        MdnsDiscovery discovery = MdnsDiscovery.start(chosen.addresses(), self, new PrintingSink(), log.logger());
        System.out.println(discovery.instanceCount() > 0 ? "READY" : "NO-INTERFACE");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE); // until the test kills this process
    }

    private static final class PrintingSink implements CandidateSink {
        @Override
        public synchronized void discovered(Candidate candidate) {
            System.out.println("DISCOVERED " + candidate.nodeId().orElse("?") + " " + candidate.address()
                    + " " + candidate.userData());
            System.out.flush();
        }

        @Override
        public synchronized void removed(String key) {
            System.out.println("REMOVED " + key);
            System.out.flush();
        }

        @Override
        public void replaceAll(String source, Collection<Candidate> candidates) {
            candidates.forEach(this::discovered);
        }
    }
}
