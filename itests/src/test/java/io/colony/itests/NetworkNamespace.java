package io.colony.itests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A Linux network namespace made for one test and removed after it, so that nodes can discover each
 * other by multicast without a packet reaching the machine's own interfaces. Needs root and iproute2.
 */
final class NetworkNamespace implements AutoCloseable {

    private static final long COMMAND_TIMEOUT_SECONDS = 20;

    private final String name;

    private NetworkNamespace(String name) {
        this.name = name;
    }

    /** A namespace whose loopback is up and multicast-capable: several nodes of one "host". */
    static NetworkNamespace withLoopback(String purpose) throws IOException, InterruptedException {
        NetworkNamespace namespace = create(purpose);
        namespace.ip("link", "set", "lo", "up");
        namespace.ip("link", "set", "lo", "multicast", "on");
        namespace.ip("route", "add", "224.0.0.0/4", "dev", "lo");
        return namespace;
    }

    /**
     * Joins this namespace to a bridge (in another namespace) with a veth pair whose inner end is
     * {@code eth0} with the given address; the pair is made inside the namespaces, never on the host.
     *
     * @param cable the name of the outer end, on the bridge side: {@code ip -n <bridge> link set <cable> down} cuts this host off
     */
    void plugInto(NetworkNamespace bridge, String cable, String addressWithPrefix) throws IOException, InterruptedException {
        bridge.ip("link", "add", cable, "type", "veth", "peer", "name", "eth0", "netns", name);
        bridge.ip("link", "set", cable, "master", "br0", "up");
        ip("addr", "add", addressWithPrefix, "dev", "eth0");
        ip("link", "set", "eth0", "up");
        ip("link", "set", "lo", "up");
        ip("route", "add", "224.0.0.0/4", "dev", "eth0");
    }

    /** A namespace holding only a bridge {@code br0}: the switch of a small LAN of namespaces. */
    static NetworkNamespace withBridge(String purpose) throws IOException, InterruptedException {
        NetworkNamespace namespace = create(purpose);
        namespace.ip("link", "add", "br0", "type", "bridge");
        namespace.ip("link", "set", "br0", "up");
        return namespace;
    }

    static NetworkNamespace create(String purpose) throws IOException, InterruptedException {
        String name = "colony-" + purpose + "-" + UUID.randomUUID().toString().substring(0, 8);
        run(List.of("ip", "netns", "add", name));
        return new NetworkNamespace(name);
    }

    String name() {
        return name;
    }

    /** The command run inside this namespace. */
    List<String> wrap(List<String> command) {
        List<String> wrapped = new ArrayList<>(List.of("ip", "netns", "exec", name));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Runs {@code ip <arguments>} inside this namespace. */
    void ip(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ip", "-n", name));
        command.addAll(List.of(arguments));
        run(command);
    }

    /** Kills what still runs inside, then removes the namespace. */
    @Override
    public void close() throws IOException, InterruptedException {
        Process pids = new ProcessBuilder("ip", "netns", "pids", name).redirectErrorStream(true).start();
        String listed = new String(pids.getInputStream().readAllBytes());
        pids.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        for (String pid : listed.split("\\s+")) {
            if (pid.matches("\\d+")) {
                ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
        run(List.of("ip", "netns", "del", name));
    }

    static void run(List<String> command) throws IOException, InterruptedException {
        Path output = Files.createTempFile("colony-ip", ".txt");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("'" + String.join(" ", command) + "' did not finish within " + COMMAND_TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new IOException("'" + String.join(" ", command) + "' failed (" + process.exitValue() + "): " + Files.readString(output).trim()
                        + (command.get(0).equals("ip") ? " (these tests need root and iproute2)" : ""));
            }
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
