package io.colony.deployer.internal.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.deploy.DeploymentException;
import io.colony.api.deploy.DeploymentException.Reason;
import io.colony.deployer.internal.testing.TestBundles;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Jars signed by the JDK's jarsigner, with a key keytool makes for the test. */
class JarSignaturesTest {

    private static final String PASSWORD = "colony-test";

    @TempDir
    static Path keys;

    @TempDir
    Path dir;

    @BeforeAll
    static void makeKey() throws Exception {
        run(tool("keytool"), "-genkeypair", "-keystore", keys.resolve("keys.p12").toString(), "-storetype", "PKCS12",
                "-storepass", PASSWORD, "-keypass", PASSWORD, "-alias", "colony", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=Colony Test Signer", "-validity", "2");
    }

    @Test
    void anUnsignedJarHasNoSigners() throws Exception {
        Path jar = TestBundles.bundle(dir, "io.example.plain", "1.0.0", Map.of());
        assertEquals(List.of(), JarSignatures.signers(jar, "io.example:plain:1.0.0"));
    }

    @Test
    void aSignedJarNamesItsSigner() throws Exception {
        Path jar = sign(TestBundles.bundle(dir, "io.example.signed", "1.0.0", Map.of()));
        List<List<X509Certificate>> signers = JarSignatures.signers(jar, "io.example:signed:1.0.0");
        assertEquals(1, signers.size());
        assertEquals("CN=Colony Test Signer", signers.get(0).get(0).getSubjectX500Principal().getName());
    }

    @Test
    void aJarChangedAfterSigningIsRefused() throws Exception {
        Path jar = sign(TestBundles.bundle(dir, "io.example.tampered", "1.0.0", Map.of()));
        rewriteEntry(jar, "data/io/example/tampered.txt", "changed after signing");
        DeploymentException e = assertThrows(DeploymentException.class, () -> JarSignatures.signers(jar, "io.example:tampered:1.0.0"));
        assertEquals(Reason.SIGNATURE, e.reason());
        assertTrue(e.getMessage().startsWith("io.example:tampered:1.0.0 has a broken signature"), e.getMessage());
    }

    @Test
    void aJarWithAnEntryAddedAfterSigningCountsAsUnsigned() throws Exception {
        Path jar = sign(TestBundles.bundle(dir, "io.example.partly", "1.0.0", Map.of()));
        rewriteEntry(jar, "data/added.txt", "not signed");
        assertEquals(List.of(), JarSignatures.signers(jar, "io.example:partly:1.0.0"));
    }

    @Test
    void aFileThatIsNoJarIsNamed() throws Exception {
        Path notAJar = Files.writeString(dir.resolve("x.jar"), "not a zip");
        DeploymentException e = assertThrows(DeploymentException.class, () -> JarSignatures.signers(notAJar, "io.example:x:1"));
        assertEquals(Reason.UNRESOLVED, e.reason());
        assertTrue(e.getMessage().startsWith("io.example:x:1 is not a readable jar"), e.getMessage());
    }

    private static Path sign(Path jar) throws Exception {
        run(tool("jarsigner"), "-keystore", keys.resolve("keys.p12").toString(), "-storetype", "PKCS12", "-storepass", PASSWORD,
                jar.toString(), "colony");
        return jar;
    }

    private static void rewriteEntry(Path jar, String entry, String content) throws IOException {
        try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of())) {
            Path path = zip.getPath(entry);
            if (path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
            try (OutputStream out = Files.newOutputStream(path)) {
                out.write(content.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static String tool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    private static void run(String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(keysLog()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(line.get(0) + " did not finish in 60 s");
        }
        assertEquals(0, process.exitValue(), line + " failed: " + Files.readString(keysLog().file().toPath()));
    }

    private static ProcessBuilder.Redirect keysLog() {
        return ProcessBuilder.Redirect.appendTo(keys.resolve("tools.log").toFile());
    }
}
