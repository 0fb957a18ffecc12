package io.colony.deployer.internal.resolve;

import static io.colony.deployer.internal.testing.TestRepository.Dependency.compile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.deploy.Coordinates;
import io.colony.api.deploy.DeploymentException;
import io.colony.api.deploy.DeploymentException.Reason;
import io.colony.api.deploy.MavenRepository;
import io.colony.deployer.internal.testing.TestBundles;
import io.colony.deployer.internal.testing.TestRepository;
import io.colony.deployer.internal.testing.TestRepository.Dependency;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MavenResolverTest {

    private static final ResolverSettings TIMEOUTS = new ResolverSettings(Duration.ofSeconds(2), Duration.ofSeconds(5));

    @TempDir
    Path dir;

    private TestRepository repository;
    private MavenResolver resolver;

    @BeforeEach
    void setUp() throws IOException {
        repository = new TestRepository(dir.resolve("fixture"));
        repository.bundle("org.example:lib-f:1.0", Map.of());
        repository.bundle("org.example:lib-a:1.0", Map.of(), compile("org.example:lib-f:1.0"));
        repository.bundle("org.example:lib-b:2.0", Map.of());
        repository.bundle("org.example:plugin:1.0", Map.of(),
                compile("org.example:lib-a:1.0"),
                new Dependency("org.example:lib-b:2.0", "runtime", false),
                new Dependency("org.example:lib-test:1.0", "test", false),
                new Dependency("org.example:lib-provided:1.0", "provided", false),
                new Dependency("org.example:lib-optional:1.0", "compile", true));
        resolver = new MavenResolver(dir.resolve("cache"));
    }

    @AfterEach
    void tearDown() {
        resolver.close();
        repository.close();
    }

    @Test
    void collectsCompileAndRuntimeDependenciesTransitivelyWithoutTestProvidedOrOptionalOnes() throws Exception {
        Resolution resolution = resolver.start(List.of(repository.repository("fixture")), TIMEOUTS);
        List<Coordinates> collected = resolution.collect(List.of(Coordinates.parse("org.example:plugin:1.0")));
        assertEquals(List.of("org.example:plugin:1.0", "org.example:lib-a:1.0", "org.example:lib-f:1.0", "org.example:lib-b:2.0"),
                collected.stream().map(Coordinates::toString).toList());
        List<FetchedArtifact> fetched = resolution.download();
        assertEquals(collected, fetched.stream().map(FetchedArtifact::coordinates).toList());
        for (FetchedArtifact artifact : fetched) {
            assertTrue(artifact.file().startsWith(dir.resolve("cache")), artifact.file().toString());
            assertTrue(Files.isRegularFile(artifact.file()));
            assertEquals("fixture", artifact.repositoryId());
        }
        assertFalse(resolution.fromCache());
    }

    @Test
    void aSecondResolutionComesFromTheCacheWithoutAskingTheRepository() throws Exception {
        resolve("org.example:plugin:1.0", repository.repository("fixture"));
        Resolution again = resolver.start(List.of(repository.repository("fixture")), TIMEOUTS);
        again.collect(List.of(Coordinates.parse("org.example:plugin:1.0")));
        List<FetchedArtifact> fetched = again.download();
        assertTrue(again.fromCache());
        assertTrue(fetched.stream().allMatch(a -> a.repositoryId().equals(FetchedArtifact.CACHE)), fetched.toString());
    }

    @Test
    void aDependencyOfTypeBundleIsAJar() throws Exception {
        Coordinates host = Coordinates.parse("org.example:osgi-style:1.0");
        String pom = TestRepository.pom(host, List.of()).replace("<dependencies>\n",
                "<dependencies>\n    <dependency><groupId>org.example</groupId><artifactId>lib-b</artifactId><version>2.0</version><type>bundle</type></dependency>\n");
        repository.deploy(host, TestBundles.bundle(dir.resolve("jars"), "osgi-style", "1.0", Map.of()), pom);
        assertEquals(List.of("org.example:osgi-style:1.0", "org.example:lib-b:2.0"),
                resolve("org.example:osgi-style:1.0", repository.repository("fixture")).stream().map(a -> a.coordinates().toString()).toList());
    }

    @Test
    void missingCoordinatesAreNamedWithTheRepositoriesTried() throws Exception {
        MavenRepository other = new MavenRepository("empty", Files.createDirectories(dir.resolve("empty")).toUri().toString());
        DeploymentException e = assertThrows(DeploymentException.class,
                () -> resolve("org.example:nothing:9.9", repository.repository("fixture"), other));
        assertEquals(Reason.NOT_FOUND, e.reason());
        assertTrue(e.getMessage().contains("org.example:nothing:9.9 was not found"), e.getMessage());
        assertTrue(e.getMessage().contains("fixture (" + repository.root().toUri()), e.getMessage());
        assertTrue(e.getMessage().contains("empty (" + dir.resolve("empty").toUri()), e.getMessage());
    }

    @Test
    void aMissingDependencyIsNamed() throws Exception {
        repository.bundle("org.example:needy:1.0", Map.of(), compile("org.example:absent:3.0"));
        DeploymentException e = assertThrows(DeploymentException.class, () -> resolve("org.example:needy:1.0", repository.repository("fixture")));
        assertEquals(Reason.NOT_FOUND, e.reason());
        assertTrue(e.getMessage().contains("org.example:absent:3.0"), e.getMessage());
    }

    @Test
    void aTamperedJarFailsItsChecksumAndIsNotCached() throws Exception {
        Coordinates libA = Coordinates.parse("org.example:lib-a:1.0");
        Path tampered = repository.tamperedCopy(dir.resolve("tampered"), libA);
        DeploymentException e = assertThrows(DeploymentException.class,
                () -> resolve("org.example:plugin:1.0", new MavenRepository("tampered", tampered.toUri().toString())));
        assertEquals(Reason.CHECKSUM, e.reason());
        assertTrue(e.getMessage().contains("org.example:lib-a:1.0 from repository tampered"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("cache/org/example/lib-a/1.0/lib-a-1.0.jar")));
    }

    @Test
    void anUnreachableRepositoryFailsAsARepositoryError() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        DeploymentException e = assertThrows(DeploymentException.class,
                () -> resolve("org.example:plugin:1.0", new MavenRepository("down", "http://127.0.0.1:" + port + "/repo")));
        assertEquals(Reason.REPOSITORY, e.reason());
        assertTrue(e.getMessage().contains("down (http://127.0.0.1:" + port + "/repo)"), e.getMessage());
    }

    private List<FetchedArtifact> resolve(String coordinates, MavenRepository... repositories) throws DeploymentException {
        Resolution resolution = resolver.start(List.of(repositories), TIMEOUTS);
        resolution.collect(List.of(Coordinates.parse(coordinates)));
        return resolution.download();
    }
}
