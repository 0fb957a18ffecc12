package io.colony.plugins.repository;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.repository.RepositoryPolicy;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.resolution.VersionRangeRequest;
import org.eclipse.aether.resolution.VersionRangeResult;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.transfer.ChecksumFailureException;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Resolves from the repository the build wrote, as a worker will: maven-resolver 1.9 with a fresh
 * local repository, the repository as a {@code file:} URL, transitive compile and runtime scopes,
 * checksum policy FAIL. Nothing else is reachable (see {@link #session()}), so whatever the model
 * builder needs must be there.
 */
class PluginsRepositoryIT {

    private static final String STATS = "io.colony.plugins:colony-plugin-stats:1.0.0";
    private static final String COMMONS_MATH = "org.apache.commons:commons-math3:jar:3.6.1";

    @TempDir
    Path work;

    /** A fresh local repository for every test. */
    private Path localRepository;

    private RepositorySystem system;

    @BeforeEach
    void startResolver() {
        localRepository = work.resolve("local-repository");
        system = new RepositorySystemSupplier().get();
    }

    @AfterEach
    void stopResolver() {
        system.shutdown();
    }

    @Test
    void statsResolvesWithCommonsMath3AndEveryPomItNeeds() throws Exception {
        List<ArtifactResult> results = resolve(repository(), STATS);

        assertEquals(List.of("io.colony.plugins:colony-plugin-stats:jar:1.0.0", COMMONS_MATH), coordinates(results));
        for (ArtifactResult result : results) {
            assertEquals("colony-plugins", result.getRepository().getId(), result.toString());
        }
        assertArrayEquals(Files.readAllBytes(repository().resolve("io/colony/plugins/colony-plugin-stats/1.0.0/colony-plugin-stats-1.0.0.jar")),
                Files.readAllBytes(results.get(0).getArtifact().getFile().toPath()));
        // the model builder read commons-math3's parents from the repository: nothing else was reachable
        assertTrue(Files.isRegularFile(localRepository.resolve("org/apache/commons/commons-parent/39/commons-parent-39.pom")));
        assertTrue(Files.isRegularFile(localRepository.resolve("org/apache/apache/16/apache-16.pom")));
    }

    @Test
    void statsImportsTheCommonsMathBundleAndEmbedsNoneOfIt() throws Exception {
        List<ArtifactResult> results = resolve(repository(), STATS);

        try (JarFile stats = new JarFile(results.get(0).getArtifact().getFile())) {
            Attributes manifest = stats.getManifest().getMainAttributes();
            assertEquals("io.colony.plugins.stats", manifest.getValue("Bundle-SymbolicName"));
            assertEquals("1.0.0", manifest.getValue("Bundle-Version"));
            String imports = manifest.getValue("Import-Package");
            assertTrue(imports.contains("org.apache.commons.math3.stat.descriptive;version=\"[3.6,4)\""), imports);
            assertFalse(stats.stream().anyMatch(entry -> entry.getName().startsWith("org/apache/commons/")),
                    "the plugin embeds commons-math3 classes");
        }
        try (JarFile commonsMath = new JarFile(results.get(1).getArtifact().getFile())) {
            Attributes manifest = commonsMath.getManifest().getMainAttributes();
            assertEquals("org.apache.commons.math3", manifest.getValue("Bundle-SymbolicName"));
            assertEquals("3.6.1", manifest.getValue("Bundle-Version"));
            assertTrue(manifest.getValue("Export-Package").contains("org.apache.commons.math3.stat.descriptive;version=\"3.6.1\""));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"colony-plugin-primes", "colony-plugin-mandelbrot", "colony-plugin-bench"})
    void theOtherSamplesResolveAlone(String artifactId) throws Exception {
        List<ArtifactResult> results = resolve(repository(), "io.colony.plugins:" + artifactId + ":1.0.0");
        assertEquals(List.of("io.colony.plugins:" + artifactId + ":jar:1.0.0"), coordinates(results));
    }

    @Test
    void metadataListsTheReleaseAsADeployWritesIt() throws Exception {
        VersionRangeResult range = system.resolveVersionRange(session(), new VersionRangeRequest(
                new DefaultArtifact("io.colony.plugins:colony-plugin-stats:[1,)"), List.of(remote(repository())), null));
        assertEquals("[1.0.0]", range.getVersions().toString());

        String metadata = Files.readString(repository().resolve("io/colony/plugins/colony-plugin-stats/maven-metadata.xml"));
        assertTrue(metadata.contains("<release>1.0.0</release>"), metadata);
        String lastUpdated = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC)
                .format(PluginsRepositoryBuilder.Arguments.parseTimestamp(System.getProperty("colony.plugins.repository.timestamp")));
        assertTrue(metadata.contains("<lastUpdated>" + lastUpdated + "</lastUpdated>"),
                "lastUpdated is the build's outputTimestamp, so that the same build writes the same bytes: " + metadata);
    }

    @Test
    void everyFileHasAMatchingSha1AndMd5() throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(repository())) {
            files = walk.filter(Files::isRegularFile).filter(file -> !isChecksum(file)).sorted().toList();
        }
        List<String> names = files.stream().map(file -> repository().relativize(file).toString()).toList();
        for (String expected : List.of(
                "io/colony/plugins/colony-plugin-stats/1.0.0/colony-plugin-stats-1.0.0.pom",
                "io/colony/plugins/colony-plugin-primes/1.0.0/colony-plugin-primes-1.0.0.jar",
                "org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar",
                "org/apache/commons/commons-math3/maven-metadata.xml",
                "org/apache/commons/commons-parent/39/commons-parent-39.pom",
                "org/apache/apache/16/apache-16.pom")) {
            assertTrue(names.contains(expected), expected + " is not in " + names);
        }
        for (Path file : files) {
            assertEquals(digest("SHA-1", file), checksum(file, ".sha1"), file + ".sha1");
            assertEquals(digest("MD5", file), checksum(file, ".md5"), file + ".md5");
        }
    }

    @Test
    void aWrongChecksumFailsTheResolution() throws Exception {
        Path copy = work.resolve("repository-copy");
        try (Stream<Path> walk = Files.walk(repository())) {
            for (Path file : walk.sorted().toList()) {
                Path target = copy.resolve(repository().relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        Files.writeString(copy.resolve("org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar.sha1"),
                "0000000000000000000000000000000000000000");

        DependencyResolutionException e = assertThrows(DependencyResolutionException.class, () -> resolve(copy, STATS));
        assertTrue(causes(e).stream().anyMatch(ChecksumFailureException.class::isInstance), e.toString());
    }

    private List<ArtifactResult> resolve(Path repository, String coordinates) throws DependencyResolutionException {
        CollectRequest collect = new CollectRequest(new Dependency(new DefaultArtifact(coordinates), JavaScopes.COMPILE),
                List.of(remote(repository)));
        return system.resolveDependencies(session(), new DependencyRequest(collect,
                DependencyFilterUtils.classpathFilter(JavaScopes.COMPILE, JavaScopes.RUNTIME))).getArtifactResults();
    }

    private DefaultRepositorySystemSession session() {
        DefaultRepositorySystemSession session = MavenRepositorySystemUtils.newSession();
        session.setSystemProperties(System.getProperties());
        // Only the repository under test: not the repositories POMs declare (every POM inherits Maven Central
        // from the super POM, which would quietly supply whatever is missing or fails its checksum here), and
        // offline but for file: URLs, so that any attempt to reach another repository fails the test.
        session.setIgnoreArtifactDescriptorRepositories(true);
        session.setOffline(true);
        session.setConfigProperty("aether.offline.protocols", "file");
        session.setLocalRepositoryManager(system.newLocalRepositoryManager(session, new LocalRepository(localRepository.toFile())));
        return session;
    }

    private static RemoteRepository remote(Path repository) {
        return new RemoteRepository.Builder("colony-plugins", "default", repository.toUri().toString())
                .setPolicy(new RepositoryPolicy(true, RepositoryPolicy.UPDATE_POLICY_NEVER, RepositoryPolicy.CHECKSUM_POLICY_FAIL))
                .build();
    }

    /** plugins-repo/repository, from the build (failsafe's system property). */
    private static Path repository() {
        String dir = System.getProperty("colony.plugins.repository");
        assertNotNull(dir, "colony.plugins.repository is not set: run the test through Maven (mvn verify)");
        Path repository = Path.of(dir).toAbsolutePath().normalize();
        assertTrue(Files.isDirectory(repository.resolve("io/colony/plugins")), repository + " holds no sample plugin");
        return repository;
    }

    private static List<String> coordinates(List<ArtifactResult> results) {
        return results.stream().map(result -> result.getArtifact().toString()).toList();
    }

    private static boolean isChecksum(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".sha1") || name.endsWith(".md5") || name.endsWith(".sha256") || name.endsWith(".sha512");
    }

    private static String checksum(Path file, String suffix) throws IOException {
        Path checksum = file.resolveSibling(file.getFileName() + suffix);
        assertTrue(Files.isRegularFile(checksum), checksum + " is missing");
        return Files.readString(checksum, StandardCharsets.US_ASCII).strip();
    }

    private static String digest(String algorithm, Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance(algorithm);
        try (InputStream in = Files.newInputStream(file)) {
            digest.update(in.readAllBytes());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static List<Throwable> causes(Throwable e) {
        List<Throwable> causes = new ArrayList<>();
        collect(e, causes);
        return causes;
    }

    private static void collect(Throwable e, List<Throwable> causes) {
        if (e == null || causes.contains(e)) {
            return;
        }
        causes.add(e);
        collect(e.getCause(), causes);
        for (Throwable suppressed : e.getSuppressed()) {
            collect(suppressed, causes);
        }
    }
}
