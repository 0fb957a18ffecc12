package io.colony.discovery.internal.mdns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.colony.discovery.internal.testsupport.NetworkNamespace;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two node processes that really multicast, inside a network namespace this test creates and
 * removes (its loopback, 127.0.0.1, with the MULTICAST flag, is the whole network): each must
 * discover the other by mDNS within 10 s. Nothing reaches the machine's real interfaces.
 */
class MdnsDiscoveryInNamespaceTest {

    private static final Duration DISCOVERY_LIMIT = Duration.ofSeconds(10);

    /** One probe process and the lines it printed. */
    private static final class Probe implements AutoCloseable {
        final String id;
        final Process process;
        final List<String> lines = new CopyOnWriteArrayList<>();

        Probe(String id, Process process) {
            this.id = id;
            this.process = process;
            Thread reader = new Thread(this::readOutput, "colony-discovery-test-output-" + id);
            reader.setDaemon(true);
            reader.start();
        }

        private void readOutput() {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("OUTPUT-ERROR " + e);
            }
        }

        boolean discovered(String otherId) {
            return lines.stream().anyMatch(line -> line.startsWith("DISCOVERED " + otherId + " "));
        }

        /** Ends the process by its PID (and its children: `ip netns exec` runs java as its child). */
        @Override
        public void close() throws InterruptedException {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    private static Probe start(NetworkNamespace namespace, String id, int port, String interfaces) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = namespace.command(java, "-cp", System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-D" + MdnsProbeMain.OUTSIDE_NAMESPACE_PROPERTY + "=" + MdnsProbeMain.currentNetworkNamespace(),
                MdnsProbeMain.class.getName(), id, "namespace-test", Integer.toString(port), interfaces);
        Path log = Files.createDirectories(Path.of("target", "mdns-namespace-test")).resolve(id + ".log");
        return new Probe(id, new ProcessBuilder(command).redirectError(log.toFile()).start());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void twoNodesInANamespaceDiscoverEachOtherWithinTenSeconds() throws Exception {
        try (NetworkNamespace namespace = NetworkNamespace.create()) {
            assertTrue(namespace.run("ip", "-o", "link", "show", "lo").contains("MULTICAST"), "the namespace's loopback has MULTICAST");
            List<Probe> probes = new ArrayList<>();
            try {
                // one with the default (every multicast-capable interface: here the loopback), one naming it
                probes.add(start(namespace, "alpha", 7101, ""));
                probes.add(start(namespace, "beta", 7102, "lo"));
                Instant deadline = Instant.now().plus(DISCOVERY_LIMIT);
                while (!(probes.get(0).discovered("beta") && probes.get(1).discovered("alpha")) && Instant.now().isBefore(deadline)) {
                    for (Probe probe : probes) {
                        if (!probe.process.isAlive()) {
                            fail("probe " + probe.id + " exited with " + probe.process.exitValue() + "; output " + probe.lines
                                    + "; see target/mdns-namespace-test/" + probe.id + ".log");
                        }
                    }
                    Thread.sleep(100);
                }
                assertTrue(probes.get(0).discovered("beta"), "alpha did not discover beta within 10 s: " + probes.get(0).lines);
                assertTrue(probes.get(1).discovered("alpha"), "beta did not discover alpha within 10 s: " + probes.get(1).lines);
                assertTrue(probes.get(0).lines.stream().anyMatch(line -> line.equals("DISCOVERED beta 127.0.0.1:7102 {probe=yes}")),
                        "alpha sees beta's transport port and user data: " + probes.get(0).lines);
                assertEquals(List.of(), probes.get(0).lines.stream().filter(line -> line.startsWith("DISCOVERED alpha")).toList(),
                        "a node does not discover itself");
            } finally {
                for (Probe probe : probes) {
                    probe.close();
                }
            }
        }
    }
}
