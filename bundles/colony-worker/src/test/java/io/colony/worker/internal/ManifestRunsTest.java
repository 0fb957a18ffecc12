package io.colony.worker.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.deploy.CachedArtifact;
import io.colony.api.deploy.Deployer;
import io.colony.api.deploy.Deployment;
import io.colony.api.deploy.DeploymentException;
import io.colony.api.deploy.Manifest;
import io.colony.api.deploy.MavenRepository;
import io.colony.api.deploy.ResolvedArtifact;
import io.colony.api.job.TaskSetup;
import io.colony.api.plugin.Payload;
import io.colony.api.worker.TaskFailedException;
import io.colony.api.worker.TaskFailedException.Reason;
import io.colony.api.worker.TaskListener;
import io.colony.api.worker.TaskRequest;
import io.colony.worker.internal.remote.FakeCatalog;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ManifestRunsTest {

    private static final Manifest MANIFEST = new Manifest(List.of("io.colony.plugins:colony-plugin-stats:1.0.0"),
            List.of(new MavenRepository("samples", "file:/srv/repository")), true);
    private static final TaskRequest REQUEST = new TaskRequest("stats", null, Payload.json("[1,2,3]"), Duration.ofSeconds(5), MANIFEST);
    private static final long DEPLOYED_BUNDLE = 7;

    private final FakeCatalog catalog = new FakeCatalog();
    private final TestPlugins.RecordingLog log = new TestPlugins.RecordingLog();
    private final ManifestPlugins plugins = new ManifestPlugins(catalog, catalog::onChange, Duration.ofMillis(300), log.logger);
    private final ManifestRuns runs = new ManifestRuns(plugins);
    private final FakeDeployer deployer = new FakeDeployer();

    @Test
    void withoutADeployerTheTaskFailsSayingSo() {
        TaskFailedException failure = failure(runs.run(REQUEST, null, pinned -> CompletableFuture.completedFuture("ran")));
        assertEquals(Reason.SETUP_FAILED, failure.reason());
        assertTrue(failure.getMessage().contains("colony-deployer is not running"), failure.getMessage());
        assertFalse(plugins.available());
    }

    @Test
    void runsTheDeployedPluginPinnedToItsVersionThenReleasesTheBundles() throws Exception {
        plugins.setDeployer(deployer);
        AtomicReference<TaskSetup> setup = new AtomicReference<>();
        TaskListener listener = new TaskListener() {
            @Override
            public void accept(double fraction) {
            }

            @Override
            public void setUp(TaskSetup value) {
                setup.set(value);
            }
        };
        AtomicReference<TaskRequest> ran = new AtomicReference<>();
        CompletableFuture<String> result = runs.run(REQUEST, listener, pinned -> {
            ran.set(pinned);
            assertEquals(0, deployer.deployment.closed.get(), "the bundles stay live while the step runs");
            return CompletableFuture.completedFuture("ran");
        });
        deployer.pending.complete(deployer.deployment);
        assertNull(ran.get(), "the plugin is not registered yet");
        catalog.set(FakeCatalog.plugin("stats", "1.0.0", true));

        assertEquals("ran", result.get(5, TimeUnit.SECONDS));
        assertEquals("[1.0.0,1.0.0]", ran.get().versionRange());
        assertNull(ran.get().manifest());
        assertEquals(List.of("io.colony.plugins:colony-plugin-stats:1.0.0", "org.apache.commons:commons-math3:3.6.1"),
                setup.get().artifacts());
        assertTrue(setup.get().fromCache());
        assertEquals(1, deployer.deployment.closed.get());
    }

    @Test
    void aFailedDeploymentFailsTheTaskWithItsReasonAndNeverRunsIt() {
        plugins.setDeployer(deployer);
        CompletableFuture<String> result = runs.run(REQUEST, null, pinned -> {
            throw new AssertionError("must not run");
        });
        deployer.pending.completeExceptionally(new DeploymentException(DeploymentException.Reason.UNRESOLVED,
                "io.colony.plugins.stats 1.0.0 cannot resolve: missing package org.apache.commons.math3.stat"));
        TaskFailedException failure = failure(result);
        assertEquals(Reason.SETUP_FAILED, failure.reason());
        assertTrue(failure.getMessage().contains("UNRESOLVED: io.colony.plugins.stats 1.0.0 cannot resolve: missing package"), failure.getMessage());
    }

    @Test
    void bundlesWithoutThePluginAreReleasedAndTheTaskFails() {
        plugins.setDeployer(deployer);
        catalog.set(FakeCatalog.plugin("other", "1.0.0", false));
        deployer.pending.complete(deployer.deployment);
        TaskFailedException failure = failure(runs.run(REQUEST, null, pinned -> CompletableFuture.completedFuture("ran")));
        assertEquals(Reason.UNKNOWN_PLUGIN, failure.reason());
        assertTrue(failure.getMessage().contains("registered no plugin 'stats'"), failure.getMessage());
        assertTrue(failure.getMessage().contains("plugins from them: other 1.0.0"), failure.getMessage());
        assertEquals(1, deployer.deployment.closed.get());
    }

    @Test
    void aFailingStepStillReleasesTheBundles() {
        plugins.setDeployer(deployer);
        catalog.set(FakeCatalog.plugin("stats", "1.0.0", true));
        deployer.pending.complete(deployer.deployment);
        TaskFailedException failure = failure(runs.run(REQUEST, null,
                pinned -> CompletableFuture.failedFuture(new TaskFailedException(Reason.PLUGIN_ERROR, "bad input"))));
        assertEquals(Reason.PLUGIN_ERROR, failure.reason());
        assertEquals(1, deployer.deployment.closed.get());
    }

    @Test
    void aTaskCancelledWhileDeployingReleasesTheBundlesWhenTheyArrive() {
        plugins.setDeployer(deployer);
        catalog.set(FakeCatalog.plugin("stats", "1.0.0", true));
        AtomicInteger steps = new AtomicInteger();
        CompletableFuture<String> result = runs.run(REQUEST, null, pinned -> {
            steps.incrementAndGet();
            return CompletableFuture.completedFuture("ran");
        });
        assertTrue(result.cancel(true));
        deployer.pending.complete(deployer.deployment);
        assertEquals(0, steps.get());
        assertEquals(1, deployer.deployment.closed.get());
    }

    @Test
    void aRequestWithoutManifestGoesStraightToTheStep() throws Exception {
        TaskRequest plain = new TaskRequest("primes", null, Payload.empty(), Duration.ofSeconds(1));
        assertEquals("ran", runs.run(plain, null, pinned -> CompletableFuture.completedFuture(pinned == plain ? "ran" : "copied"))
                .get(1, TimeUnit.SECONDS));
    }

    private static TaskFailedException failure(CompletableFuture<?> future) {
        ExecutionException thrown = assertThrows(ExecutionException.class, () -> future.get(5, TimeUnit.SECONDS));
        return assertInstanceOf(TaskFailedException.class, thrown.getCause());
    }

    private static final class FakeDeployer implements Deployer {
        final CompletableFuture<Deployment> pending = new CompletableFuture<>();
        final FakeDeployment deployment = new FakeDeployment();

        @Override
        public CompletableFuture<Deployment> deploy(Manifest manifest) {
            return pending;
        }

        @Override
        public List<CachedArtifact> cachedArtifacts() {
            return List.of();
        }

        @Override
        public List<CachedArtifact> clean() {
            return List.of();
        }
    }

    private static final class FakeDeployment implements Deployment {
        final AtomicInteger closed = new AtomicInteger();

        @Override
        public List<ResolvedArtifact> artifacts() {
            return List.of(new ResolvedArtifact("io.colony.plugins:colony-plugin-stats:1.0.0", "cache", "io.colony.plugins.stats 1.0.0", DEPLOYED_BUNDLE, false),
                    new ResolvedArtifact("org.apache.commons:commons-math3:3.6.1", "cache", "org.apache.commons.math3 3.6.1", 8, false));
        }

        @Override
        public Duration resolveTime() {
            return Duration.ZERO;
        }

        @Override
        public Duration installTime() {
            return Duration.ofMillis(20);
        }

        @Override
        public boolean fromCache() {
            return true;
        }

        @Override
        public List<Long> bundleIds() {
            return List.of(DEPLOYED_BUNDLE);
        }

        @Override
        public void close() {
            closed.incrementAndGet();
        }
    }
}
