package io.colony.discovery.internal.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A Linux network namespace that a test creates ({@code ip netns add colony-test-<random>}) and
 * removes on {@link #close()}: multicast sent inside it never reaches the machine's real
 * interfaces. Its loopback is brought up with the MULTICAST flag, so nodes in it can run mDNS on
 * 127.0.0.1. Needs root and the {@code ip} tool (iproute2); without them it fails saying so.
 */
public final class NetworkNamespace implements AutoCloseable {

    private static final long COMMAND_TIMEOUT_SECONDS = 10;

    private final String name;

    private NetworkNamespace(String name) {
        this.name = name;
    }

    /** Creates the namespace with its loopback up and multicast-capable. */
    public static NetworkNamespace create() throws IOException, InterruptedException {
        String ip = ipTool();
        NetworkNamespace namespace = new NetworkNamespace("colony-test-" + UUID.randomUUID().toString().substring(0, 8));
        run(List.of(ip, "netns", "add", namespace.name));
        try {
            run(namespace.command(ip, "link", "set", "lo", "up"));
            run(namespace.command(ip, "link", "set", "lo", "multicast", "on"));
        } catch (IOException | InterruptedException | RuntimeException e) {
            namespace.close();
            throw e;
        }
        return namespace;
    }

    public String name() {
        return name;
    }

    /** The command line that runs the given command inside this namespace. */
    public List<String> command(String... command) {
        List<String> line = new ArrayList<>(List.of(ipTool(), "netns", "exec", name));
        line.addAll(List.of(command));
        return line;
    }

    public List<String> command(List<String> command) {
        return command(command.toArray(String[]::new));
    }

    /** Runs a command inside the namespace to completion; returns its output. */
    public String run(String... command) throws IOException, InterruptedException {
        return run(command(command));
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run(List.of(ipTool(), "netns", "delete", name));
    }

    private static String ipTool() {
        for (String candidate : List.of("/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip", "/bin/ip")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException("The 'ip' tool (iproute2) is missing: the mDNS tests run only inside network namespaces "
                + "they create with 'ip netns add'; install iproute2 (apt-get install iproute2) and run the tests as root");
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish within " + COMMAND_TIMEOUT_SECONDS + " s");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed with exit code " + process.exitValue() + ": " + output.trim()
                    + (output.contains("Operation not permitted") ? " (network namespaces need root; CI runs the tests as root)" : ""));
        }
        return output;
    }
}
