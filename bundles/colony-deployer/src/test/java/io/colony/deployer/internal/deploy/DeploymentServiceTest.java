package io.colony.deployer.internal.deploy;

import static io.colony.deployer.internal.testing.TestRepository.Dependency.compile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.deploy.CachedArtifact;
import io.colony.api.deploy.Coordinates;
import io.colony.api.deploy.Deployment;
import io.colony.api.deploy.DeploymentException;
import io.colony.api.deploy.DeploymentException.Reason;
import io.colony.api.deploy.Manifest;
import io.colony.api.deploy.ResolvedArtifact;
import io.colony.api.trust.Decision;
import io.colony.api.trust.Request;
import io.colony.deployer.internal.cache.ArtifactCache;
import io.colony.deployer.internal.install.BundleLedger;
import io.colony.deployer.internal.resolve.MavenResolver;
import io.colony.deployer.internal.resolve.ResolverSettings;
import io.colony.deployer.internal.testing.FakeBundleHost;
import io.colony.deployer.internal.testing.ManualDelayer;
import io.colony.deployer.internal.testing.TestBundles;
import io.colony.deployer.internal.testing.TestLoggers;
import io.colony.deployer.internal.testing.TestRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The deployer without a framework: a real resolver over a file repository, a fake framework and a fake trust policy. */
class DeploymentServiceTest {

    private static final Duration LINGER = Duration.ofSeconds(5);
    private static final String PLUGIN = "org.example:plugin:1.0";

    @TempDir
    Path dir;

    private TestRepository repository;
    private MavenResolver resolver;
    private final FakeBundleHost host = new FakeBundleHost();
    private final ManualDelayer delayer = new ManualDelayer();
    private final FakeTrustPolicy trust = new FakeTrustPolicy();
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private DeploymentService service;

    @BeforeEach
    void setUp() throws IOException {
        repository = new TestRepository(dir.resolve("fixture"));
        repository.bundle("org.example:lib:2.0", Map.of());
        repository.bundle(PLUGIN, Map.of("Import-Package", "org.example.lib"), compile("org.example:lib:2.0"));
        resolver = new MavenResolver(dir.resolve("cache"));
        service = new DeploymentService(resolver, new BundleLedger(host, delayer, () -> LINGER),
                new ArtifactCache(dir.resolve("cache"), Clock.systemUTC()), new TrustGate(() -> trust),
                () -> new ResolverSettings(Duration.ofSeconds(2), Duration.ofSeconds(5)), executor, TestLoggers.silent());
    }

    @AfterEach
    void tearDown() {
        executor.shutdownNow();
        resolver.close();
        repository.close();
    }

    @Test
    void deploysTheBundleAndItsDependencyAndUninstallsThemAfterTheLinger() throws Exception {
        Deployment deployment = deploy(manifest(true, PLUGIN));
        assertEquals(List.of(
                new ResolvedArtifact(PLUGIN, "fixture", "plugin 1.0.0", deployment.artifacts().get(0).bundleId(), false),
                new ResolvedArtifact("org.example:lib:2.0", "fixture", "lib 2.0.0", deployment.artifacts().get(1).bundleId(), false)),
                deployment.artifacts());
        assertEquals(List.of(deployment.artifacts().get(0).bundleId()), deployment.bundleIds());
        assertFalse(deployment.fromCache());
        assertFalse(deployment.resolveTime().isZero());
        assertFalse(deployment.installTime().isZero());
        assertTrue(host.isStarted(deployment.bundleIds().get(0)));
        assertEquals(List.of(new Request.InstallArtifacts(List.of(PLUGIN), List.of(repository.root().toUri().toString())),
                new Request.InstallArtifacts(List.of(PLUGIN, "org.example:lib:2.0"), List.of(repository.root().toUri().toString())),
                new Request.LoadBundle(PLUGIN, List.of()), new Request.LoadBundle("org.example:lib:2.0", List.of())), trust.requests);

        deployment.close();
        deployment.close();
        delayer.advance(LINGER);
        assertEquals(List.of(), host.bundles());
    }

    @Test
    void theSameManifestWhileItsBundlesLiveIsNeitherResolvedNorInstalledAgain() throws Exception {
        Deployment first = deploy(manifest(true, PLUGIN));
        first.close();
        Deployment second = deploy(manifest(true, PLUGIN));
        assertTrue(second.fromCache());
        assertEquals(Duration.ZERO, second.resolveTime());
        assertEquals(Duration.ZERO, second.installTime());
        assertEquals(first.bundleIds(), second.bundleIds());
        assertTrue(second.artifacts().stream().allMatch(a -> a.repositoryId().equals("cache")));
        assertEquals(4, trust.installRequests(), "the trust policy is asked again");
        second.close();
        delayer.advance(LINGER);

        Deployment third = deploy(manifest(true, PLUGIN));
        assertTrue(third.fromCache(), "resolved again from the cache only");
        assertFalse(third.installTime().isZero(), "installed again");
        assertEquals(2, host.count("install plugin 1.0.0"));
        third.close();
    }

    @Test
    void concurrentDeploymentsOfOneManifestShareOneResolutionAndOneInstallation() throws Exception {
        CountDownLatch bothAsked = new CountDownLatch(1);
        trust.rule = request -> {
            if (request instanceof Request.InstallArtifacts) {
                try {
                    bothAsked.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return Decision.allow("test");
        };
        CompletableFuture<Deployment> one = service.deploy(manifest(true, PLUGIN));
        CompletableFuture<Deployment> two = service.deploy(manifest(false, PLUGIN));
        Thread.sleep(300);
        bothAsked.countDown();
        Deployment first = one.get(30, TimeUnit.SECONDS);
        Deployment second = two.get(30, TimeUnit.SECONDS);
        assertEquals(2, trust.installRequests(), "one resolution: the manifest, then its collected artifacts");
        assertEquals(1, host.count("install plugin 1.0.0"));
        assertEquals(1, host.count("install lib 2.0.0"));
        assertEquals(first.bundleIds(), second.bundleIds());
        first.close();
        second.close();
        delayer.advance(LINGER);
        assertEquals(List.of("plugin 1.0.0", "lib 2.0.0"), host.bundles(), "the second deployment asked to keep them");
    }

    @Test
    void aManifestTheTrustPolicyDeniesDownloadsNothing() throws Exception {
        trust.rule = request -> Decision.deny("manifest jobs are disabled (test)");
        DeploymentException e = failure(manifest(true, PLUGIN));
        assertEquals(Reason.DENIED, e.reason());
        assertEquals("the trust policy denies installing " + PLUGIN + ": manifest jobs are disabled (test)", e.getMessage());
        assertFalse(Files.exists(dir.resolve("cache")) && filesIn(dir.resolve("cache")) > 0);
        assertEquals(List.of(), host.bundles());
    }

    @Test
    void aDependencyTheTrustPolicyDeniesIsRefusedBeforeAnyJarIsDownloaded() throws Exception {
        trust.rule = request -> request instanceof Request.InstallArtifacts install && install.coordinates().contains("org.example:lib:2.0")
                ? Decision.deny("groupId org.example is not allowed (test)") : Decision.allow("test");
        DeploymentException e = failure(manifest(true, PLUGIN));
        assertEquals(Reason.DENIED, e.reason());
        assertTrue(e.getMessage().endsWith("groupId org.example is not allowed (test)"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("cache/org/example/lib/2.0/lib-2.0.jar")));
        assertEquals(List.of(), host.bundles());
    }

    @Test
    void aJarTheTrustPolicyWillNotLoadIsASignatureRefusal() throws Exception {
        trust.rule = request -> request instanceof Request.LoadBundle load && load.signerChains().isEmpty()
                ? Decision.deny("signed jars are required (test)") : Decision.allow("test");
        DeploymentException e = failure(manifest(true, PLUGIN));
        assertEquals(Reason.SIGNATURE, e.reason());
        assertEquals("the trust policy denies loading " + PLUGIN + " (unsigned or not wholly signed): signed jars are required (test)", e.getMessage());
        assertEquals(List.of(), host.bundles());
    }

    @Test
    void aJarThatIsNoBundleIsRefusedAndNothingIsInstalled() throws Exception {
        repository.deploy(Coordinates.parse("org.example:plain:1.0"), TestBundles.plainJar(dir.resolve("plain"), "plain"),
                TestRepository.pom(Coordinates.parse("org.example:plain:1.0"), List.of()));
        DeploymentException e = failure(manifest(true, PLUGIN, "org.example:plain:1.0"));
        assertEquals(Reason.UNRESOLVED, e.reason());
        assertEquals("org.example:plain:1.0 is not an OSGi bundle (its manifest has no Bundle-SymbolicName)", e.getMessage());
        assertEquals(List.of(), host.bundles());
    }

    @Test
    void anUnresolvableBundleIsUninstalledAgain() throws Exception {
        host.unresolvable("plugin", "missing package org.example.missing (version [1.0.0,2.0.0))");
        DeploymentException e = failure(manifest(true, PLUGIN));
        assertEquals(Reason.UNRESOLVED, e.reason());
        assertTrue(e.getMessage().contains("plugin 1.0.0 (org.example:plugin:1.0) cannot resolve: missing package org.example.missing"), e.getMessage());
        assertEquals(List.of(), host.bundles());
    }

    @Test
    void theCacheListsWhatIsInUseAndCleansTheRest() throws Exception {
        Deployment deployment = deploy(manifest(false, PLUGIN));
        List<CachedArtifact> cached = service.cachedArtifacts();
        assertEquals(List.of("org.example:lib:2.0", "org.example:lib:pom:2.0", "org.example:plugin:1.0", "org.example:plugin:pom:1.0"),
                cached.stream().map(CachedArtifact::coordinates).toList());
        assertTrue(cached.stream().allMatch(CachedArtifact::inUse));
        assertEquals(List.of(), service.clean());

        deployment.close();
        assertEquals(List.of("plugin 1.0.0", "lib 2.0.0"), host.bundles(), "kept: deleteWhenDone was false");
        assertEquals(4, service.clean().size());
        assertEquals(List.of(), host.bundles(), "cleaning uninstalls the kept bundles no deployment uses");
        assertEquals(List.of(), service.cachedArtifacts());

        Deployment again = deploy(manifest(true, PLUGIN));
        assertFalse(again.fromCache(), "downloaded again after the clean");
        again.close();
    }

    private Manifest manifest(boolean deleteWhenDone, String... bundles) {
        return new Manifest(List.of(bundles), List.of(repository.repository("fixture")), deleteWhenDone);
    }

    private Deployment deploy(Manifest manifest) throws Exception {
        return service.deploy(manifest).get(30, TimeUnit.SECONDS);
    }

    private DeploymentException failure(Manifest manifest) throws Exception {
        ExecutionException e = assertThrows(ExecutionException.class, () -> service.deploy(manifest).get(30, TimeUnit.SECONDS));
        return (DeploymentException) e.getCause();
    }

    private static long filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
