package io.colony.deployer.internal.deploy;

import io.colony.api.deploy.CachedArtifact;
import io.colony.api.deploy.Coordinates;
import io.colony.api.deploy.Deployment;
import io.colony.api.deploy.DeploymentException;
import io.colony.api.deploy.DeploymentException.Reason;
import io.colony.api.deploy.Manifest;
import io.colony.api.deploy.MavenRepository;
import io.colony.deployer.internal.cache.ArtifactCache;
import io.colony.deployer.internal.cache.CacheGuard;
import io.colony.deployer.internal.install.BundleLedger;
import io.colony.deployer.internal.install.Holding;
import io.colony.deployer.internal.resolve.FetchedArtifact;
import io.colony.deployer.internal.resolve.MavenResolver;
import io.colony.deployer.internal.resolve.Resolution;
import io.colony.deployer.internal.resolve.ResolverSettings;
import io.colony.deployer.internal.verify.BundleHeaders;
import io.colony.deployer.internal.verify.JarSignatures;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.osgi.service.log.Logger;

/**
 * Makes manifests live: trust check, resolution (shared by concurrent deployments of the same
 * manifest, skipped while the manifest's bundles are live), verification, then the ledger installs
 * and holds the bundles. Every step runs on the given executor, never on the caller's thread.
 */
public final class DeploymentService {

    /** How long a deployment waits for the same manifest's resolution by another one. */
    static final Duration SHARED_RESOLUTION_WAIT = Duration.ofMinutes(10);
    /** How long a cleaning waits for the deployments in progress. */
    static final Duration CLEAN_WAIT = Duration.ofSeconds(60);

    private final MavenResolver resolver;
    private final BundleLedger ledger;
    private final ArtifactCache cache;
    private final TrustGate trust;
    private final Supplier<ResolverSettings> settings;
    private final Executor executor;
    private final Logger log;
    private final CacheGuard guard = new CacheGuard();
    private final RecentResolutions recent = new RecentResolutions();
    private final Map<String, CompletableFuture<ResolvedManifest>> inFlight = new ConcurrentHashMap<>();

    public DeploymentService(MavenResolver resolver, BundleLedger ledger, ArtifactCache cache, TrustGate trust,
            Supplier<ResolverSettings> settings, Executor executor, Logger log) {
        this.resolver = resolver;
        this.ledger = ledger;
        this.cache = cache;
        this.trust = trust;
        this.settings = settings;
        this.executor = executor;
        this.log = log;
    }

    public CompletableFuture<Deployment> deploy(Manifest manifest) {
        Objects.requireNonNull(manifest, "manifest");
        CompletableFuture<Deployment> result = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                try {
                    result.complete(deployNow(manifest));
                } catch (DeploymentException e) {
                    log.info("Deployment of {} failed ({}): {}", manifest.bundles(), e.reason(), e.getMessage());
                    result.completeExceptionally(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    result.completeExceptionally(new DeploymentException(Reason.INSTALL, "the deployer is stopping", e));
                } catch (RuntimeException e) {
                    log.error("Deployment of {} failed unexpectedly", manifest.bundles(), e);
                    result.completeExceptionally(new DeploymentException(Reason.INSTALL, "deployment failed: " + e, e));
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new DeploymentException(Reason.INSTALL,
                    "the deployer is busy (or stopping): too many deployments wait; try again later", e));
        }
        return result;
    }

    public List<CachedArtifact> cachedArtifacts() {
        return cache.list(ledger.coordinatesInUse());
    }

    /** Uninstalls the bundles no deployment holds, then removes the artifacts no live deployment uses. */
    public List<CachedArtifact> clean() {
        try {
            if (!guard.enterCleaning(CLEAN_WAIT)) {
                throw new IllegalStateException("deployments have been in progress for " + CLEAN_WAIT.toSeconds() + " s; clean again later");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the deployments in progress", e);
        }
        try {
            List<String> uninstalled = ledger.removeUnused();
            recent.clear();
            List<CachedArtifact> removed = cache.clean(ledger.coordinatesInUse());
            log.info("Cleaned the artifact cache: {} artifacts removed, {} unused bundles uninstalled", removed.size(), uninstalled.size());
            return removed;
        } finally {
            guard.leaveCleaning();
        }
    }

    private Deployment deployNow(Manifest manifest) throws DeploymentException, InterruptedException {
        guard.enterDeployment();
        try {
            String key = key(manifest);
            ResolvedManifest resolved = recent.get(key);
            if (resolved != null && ledger.holdsAll(resolved.bundleKeys())) {
                recheck(manifest, resolved);
                resolved = resolved.reused();
            } else {
                resolved = sharedResolution(key, manifest);
            }
            Holding holding = ledger.acquire(resolved.artifacts().stream().map(VerifiedArtifact::jar).toList(), manifest.deleteWhenDone());
            cache.touch(resolved.artifacts().stream().map(a -> a.fetched().file()).toList());
            LiveDeployment deployment = new LiveDeployment(resolved, holding, ledger::release);
            log.info("Deployed {}: {} artifacts, resolved in {} ms{}, installed in {} ms", manifest.bundles(), deployment.artifacts().size(),
                    deployment.resolveTime().toMillis(), deployment.fromCache() ? " (from the cache)" : "", deployment.installTime().toMillis());
            return deployment;
        } finally {
            guard.leaveDeployment();
        }
    }

    /** One resolution for all the deployments of the same manifest that ask at the same time. */
    private ResolvedManifest sharedResolution(String key, Manifest manifest) throws DeploymentException, InterruptedException {
        CompletableFuture<ResolvedManifest> mine = new CompletableFuture<>();
        CompletableFuture<ResolvedManifest> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            return await(running);
        }
        try {
            ResolvedManifest resolved = resolve(manifest);
            recent.put(key, resolved);
            mine.complete(resolved);
            return resolved;
        } catch (DeploymentException | RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    private ResolvedManifest resolve(Manifest manifest) throws DeploymentException {
        long start = System.nanoTime();
        trust.allowInstall(manifest.bundles(), manifest.repositoryUrls());
        Resolution resolution = resolver.start(manifest.repositories(), settings.get());
        List<Coordinates> collected = resolution.collect(manifest.coordinates());
        List<String> names = collected.stream().map(Coordinates::toString).toList();
        if (collected.size() > manifest.bundles().size()) {
            trust.allowInstall(names, manifest.repositoryUrls());
        }
        List<FetchedArtifact> fetched = resolution.download();
        List<VerifiedArtifact> verified = new ArrayList<>();
        for (int i = 0; i < fetched.size(); i++) {
            FetchedArtifact artifact = fetched.get(i);
            boolean ownBundle = i < manifest.bundles().size();
            if (!ownBundle && artifact.coordinates().extension().equals("pom")) {
                continue;
            }
            verified.add(verify(artifact));
        }
        return new ResolvedManifest(names, verified, manifest.bundles().size(), Duration.ofNanos(System.nanoTime() - start), resolution.fromCache());
    }

    private VerifiedArtifact verify(FetchedArtifact artifact) throws DeploymentException {
        String coordinates = artifact.coordinates().toString();
        Path file = artifact.file();
        List<List<X509Certificate>> signers = JarSignatures.signers(file, coordinates);
        trust.allowLoad(coordinates, signers);
        return new VerifiedArtifact(artifact, BundleHeaders.read(file, coordinates), signers);
    }

    /** The trust policy may have changed since the manifest was resolved: ask it everything again. */
    private void recheck(Manifest manifest, ResolvedManifest resolved) throws DeploymentException {
        trust.allowInstall(manifest.bundles(), manifest.repositoryUrls());
        if (resolved.collected().size() > manifest.bundles().size()) {
            trust.allowInstall(resolved.collected(), manifest.repositoryUrls());
        }
        for (VerifiedArtifact artifact : resolved.artifacts()) {
            trust.allowLoad(artifact.coordinates(), artifact.signers());
        }
    }

    private static ResolvedManifest await(CompletableFuture<ResolvedManifest> running) throws DeploymentException, InterruptedException {
        try {
            return running.get(SHARED_RESOLUTION_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof DeploymentException failed) {
                throw new DeploymentException(failed.reason(), failed.getMessage(), failed);
            }
            throw new DeploymentException(Reason.INSTALL, "the shared resolution failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new DeploymentException(Reason.REPOSITORY, "the same manifest's resolution by another deployment took over "
                    + SHARED_RESOLUTION_WAIT.toMinutes() + " minutes", e);
        }
    }

    /** Manifests with the same bundles from the same repositories resolve alike. */
    static String key(Manifest manifest) {
        return String.join(",", manifest.bundles()) + " from "
                + manifest.repositories().stream().map(MavenRepository::toString).collect(Collectors.joining(","));
    }
}
