package io.colony.itests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * File Maven repositories for the deployer's tests, written in the Maven 2 layout with SHA-1 and MD5
 * checksums: the plugin repository the build writes (plugins-repo/repository), a bundle with an import
 * nothing exports, and a copy of the plugin repository in which commons-math3's jar was replaced.
 */
final class PluginRepositoryFixture {

    static final String MATH = "org.apache.commons:commons-math3:3.6.1";
    static final String BROKEN = "io.colony.itests:colony-itest-broken:1.0.0";
    static final String STATS_PLUGIN = "io.colony.plugins:colony-plugin-stats:1.0.0";

    private PluginRepositoryFixture() {
    }

    /** The repository plugins-repo builds (system property {@code colony.plugins.repository}), with the stats plugin in it. */
    static Path repository() {
        String configured = System.getProperty("colony.plugins.repository");
        if (configured == null || configured.isBlank()) {
            throw new IllegalStateException("the system property colony.plugins.repository is not set: run the tests with Maven (itests/pom.xml sets it)");
        }
        Path repository = Path.of(configured).toAbsolutePath().normalize();
        if (!Files.isRegularFile(file(repository, STATS_PLUGIN, "jar"))) {
            throw new IllegalStateException(repository + " does not hold " + STATS_PLUGIN + ": build plugins-repo first (mvn package)");
        }
        return repository;
    }

    /** A repository with one bundle that imports a package nothing exports. */
    static Path broken(Path root) throws IOException {
        Manifest manifest = bundleManifest("io.colony.itests.broken", "1.0.0");
        manifest.getMainAttributes().putValue("Import-Package", "org.example.missing;version=\"[1.0,2)\"");
        Path jar = Files.createDirectories(root.getParent().resolve("work")).resolve("broken.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            // the manifest is the whole bundle
        }
        put(root, BROKEN, "jar", jar);
        put(root, BROKEN, "pom", pom(BROKEN, null));
        return root;
    }

    /** A copy of the repository whose commons-math3 jar is other bytes under the same checksums. */
    static Path tamperedCopy(Path repository, Path target) throws IOException {
        try (Stream<Path> paths = Files.walk(repository)) {
            for (Path path : paths.toList()) {
                Path copy = target.resolve(repository.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(path, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Path jar = file(target, MATH, "jar");
        Manifest manifest = bundleManifest("org.apache.commons.math3", "3.6.1");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            // not what was published
        }
        return target;
    }

    /**
     * A PKCS12 truststore (password {@code changeit}) holding one signer's certificate, made with the JDK's
     * keytool: what a policy requiring signed jars is given, and which no sample plugin is signed by.
     */
    static Path truststore(Path directory) throws IOException, InterruptedException {
        Files.createDirectories(directory);
        Path signer = directory.resolve("signer.p12");
        Path certificate = directory.resolve("signer.crt");
        Path truststore = directory.resolve("trust.p12");
        keytool("-genkeypair", "-alias", "signer", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=Colony Test Signer",
                "-validity", "30", "-keystore", signer.toString(), "-storetype", "PKCS12", "-storepass", "changeit");
        keytool("-exportcert", "-alias", "signer", "-keystore", signer.toString(), "-storepass", "changeit", "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "signer", "-file", certificate.toString(), "-keystore", truststore.toString(),
                "-storetype", "PKCS12", "-storepass", "changeit");
        return truststore;
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("keytool " + String.join(" ", arguments) + " failed: " + output);
        }
    }

    static Path file(Path repository, String coordinates, String extension) {
        String[] parts = coordinates.split(":");
        return repository.resolve(parts[0].replace('.', '/')).resolve(parts[1]).resolve(parts[2])
                .resolve(parts[1] + "-" + parts[2] + "." + extension);
    }

    private static Manifest bundleManifest(String symbolicName, String version) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", version);
        return manifest;
    }

    private static Path pom(String coordinates, String dependency) throws IOException {
        String[] c = coordinates.split(":");
        StringBuilder pom = new StringBuilder("<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><modelVersion>4.0.0</modelVersion>")
                .append("<groupId>").append(c[0]).append("</groupId><artifactId>").append(c[1]).append("</artifactId><version>")
                .append(c[2]).append("</version>");
        if (dependency != null) {
            String[] d = dependency.split(":");
            pom.append("<dependencies><dependency><groupId>").append(d[0]).append("</groupId><artifactId>").append(d[1])
                    .append("</artifactId><version>").append(d[2]).append("</version></dependency></dependencies>");
        }
        Path file = Files.createTempFile("pom", ".xml");
        Files.writeString(file, pom.append("</project>").toString(), StandardCharsets.UTF_8);
        return file;
    }

    /** Copies the file into the repository and writes its checksums beside it. */
    private static void put(Path repository, String coordinates, String extension, Path source) throws IOException {
        Path target = file(repository, coordinates, extension);
        Files.createDirectories(target.getParent());
        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        for (String algorithm : List.of("SHA-1", "MD5")) {
            String suffix = algorithm.equals("SHA-1") ? ".sha1" : ".md5";
            Files.writeString(target.resolveSibling(target.getFileName() + suffix), digest(target, algorithm), StandardCharsets.US_ASCII);
        }
    }

    private static String digest(Path file, String algorithm) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance(algorithm);
            byte[] buffer = new byte[65536];
            for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is missing from the JDK", e);
        }
    }
}
