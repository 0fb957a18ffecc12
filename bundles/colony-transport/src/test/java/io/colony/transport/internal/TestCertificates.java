package io.colony.transport.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * PKCS12 keystores made with the JDK's keytool for TLS tests: each node gets a self-signed EC
 * certificate in {@code <node>.p12}; a truststore holds the certificates of the nodes it trusts.
 */
final class TestCertificates {

    static final String PASSWORD = "test-password";
    private static final long KEYTOOL_TIMEOUT_SECONDS = 60;

    private final Path directory;

    TestCertificates(Path directory) {
        this.directory = directory;
    }

    /** Creates the keystores of all nodes at once (one keytool process each, run in parallel). */
    void createNodes(String... nodes) throws Exception {
        List<Process> running = new ArrayList<>();
        for (String node : nodes) {
            running.add(start("-genkeypair", "-alias", node, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + node,
                    "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore(node).toString(), "-storepass", PASSWORD));
        }
        awaitAll(running);
        running.clear();
        for (String node : nodes) {
            running.add(start("-exportcert", "-alias", node, "-keystore", keystore(node).toString(), "-storepass", PASSWORD,
                    "-file", certificate(node).toString()));
        }
        awaitAll(running);
    }

    /** Creates a truststore named {@code name}.p12 holding the certificates of the given nodes. */
    Path truststore(String name, String... trustedNodes) throws Exception {
        Path truststore = directory.resolve(name + ".p12");
        for (String node : trustedNodes) {
            awaitAll(List.of(start("-importcert", "-noprompt", "-alias", node, "-file", certificate(node).toString(),
                    "-storetype", "PKCS12", "-keystore", truststore.toString(), "-storepass", PASSWORD)));
        }
        return truststore;
    }

    Path keystore(String node) {
        return directory.resolve(node + "-key.p12");
    }

    private Path certificate(String node) {
        return directory.resolve(node + ".crt");
    }

    private static Process start(String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static void awaitAll(List<Process> processes) throws Exception {
        for (Process process : processes) {
            if (!process.waitFor(KEYTOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("keytool did not finish within " + KEYTOOL_TIMEOUT_SECONDS + " s: " + process.info());
            }
            if (process.exitValue() != 0) {
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                throw new IllegalStateException("keytool failed (" + process.exitValue() + "): " + output);
            }
        }
    }
}
