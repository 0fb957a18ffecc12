package io.colony.deployer.internal;

import io.colony.api.config.InvalidConfigurationException;
import io.colony.api.deploy.CachedArtifact;
import io.colony.api.deploy.Deployer;
import io.colony.api.deploy.Deployment;
import io.colony.api.deploy.DeploymentException;
import io.colony.api.deploy.Manifest;
import io.colony.api.trust.TrustPolicy;
import io.colony.deployer.internal.cache.ArtifactCache;
import io.colony.deployer.internal.deploy.DeploymentService;
import io.colony.deployer.internal.deploy.TrustGate;
import io.colony.deployer.internal.install.BundleLedger;
import io.colony.deployer.internal.install.OsgiBundleHost;
import io.colony.deployer.internal.resolve.MavenResolver;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The node's {@link Deployer}, configured by {@value DeployerConfiguration#PID}. Its artifact cache is
 * {@code <colony.data>/artifacts}. A configuration change applies to the next deployment (the
 * component is not re-created, so live deployments keep their bundles); a bad value is reported and
 * the deployer stays down: at activation it does not start, later it refuses new deployments until
 * the value is fixed (live ones keep their bundles). Stopping it uninstalls every bundle it installed.
 *
 * <p>The trust policy is followed dynamically (the highest ranked one); without one every manifest is denied.
 */
@Component(name = DeployerConfiguration.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL, service = Deployer.class)
@Designate(ocd = DeployerConfiguration.class)
public final class DeployerComponent implements Deployer {

    /** Deployments resolved at once; more wait in a queue of {@value #QUEUE} and beyond that are refused. */
    static final int THREADS = 2;
    static final int QUEUE = 64;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile TrustPolicy trust;

    private final Logger log;
    private volatile DeployerSettings settings;
    /** Why the current configuration cannot be used, or {@code null}. */
    private volatile String invalid;
    private final MavenResolver resolver;
    private final ThreadPoolExecutor deployments;
    private final ScheduledThreadPoolExecutor linger;
    private final BundleLedger ledger;
    private final DeploymentService service;

    @Activate
    public DeployerComponent(BundleContext context, Map<String, Object> properties, @Reference(service = LoggerFactory.class) Logger log) {
        this.log = log;
        this.settings = read(properties, log);
        Path cacheRoot = DataDirectory.of(context).resolve("artifacts");
        this.resolver = new MavenResolver(cacheRoot);
        this.deployments = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), threads("colony-deployer"));
        this.deployments.allowCoreThreadTimeOut(true);
        this.linger = new ScheduledThreadPoolExecutor(1, threads("colony-deployer-linger"));
        this.linger.setRemoveOnCancelPolicy(true);
        this.ledger = new BundleLedger(new OsgiBundleHost(context, log),
                (delay, task) -> linger.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS), () -> settings.uninstallDelay());
        List<String> leftovers = ledger.removeLeftovers();
        if (!leftovers.isEmpty()) {
            log.warn("Uninstalled {} bundles a previous run of the deployer left installed: {}", leftovers.size(), leftovers);
        }
        this.service = new DeploymentService(resolver, ledger, new ArtifactCache(cacheRoot, Clock.systemUTC()), new TrustGate(() -> trust),
                () -> settings.resolver(), deployments, log);
        log.info("Deployer: artifact cache {}, {}", cacheRoot, describe(settings));
    }

    @Modified
    void modified(Map<String, Object> properties) {
        try {
            settings = read(properties, log);
            invalid = null;
            log.info("Deployer settings changed: {}", describe(settings));
        } catch (InvalidConfigurationException e) {
            invalid = e.getMessage();
        }
    }

    @Deactivate
    void deactivate() {
        deployments.shutdownNow();
        List<String> removed = ledger.close();
        if (!removed.isEmpty()) {
            log.info("Deployer stopping: uninstalled {} bundles of deployments: {}", removed.size(), removed);
        }
        linger.shutdownNow();
        try {
            deployments.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        resolver.close();
    }

    @Override
    public CompletableFuture<Deployment> deploy(Manifest manifest) {
        String problem = invalid;
        if (problem != null) {
            return CompletableFuture.failedFuture(new DeploymentException(DeploymentException.Reason.INSTALL,
                    "the deployer is down until its configuration is fixed: " + problem));
        }
        return service.deploy(manifest);
    }

    @Override
    public List<CachedArtifact> cachedArtifacts() {
        return service.cachedArtifacts();
    }

    @Override
    public List<CachedArtifact> clean() {
        return service.clean();
    }

    private static DeployerSettings read(Map<String, Object> properties, Logger log) {
        try {
            return DeployerSettings.read(properties);
        } catch (InvalidConfigurationException e) {
            log.error("Deployer stays down: {}", e.getMessage());
            throw e;
        }
    }

    private static String describe(DeployerSettings settings) {
        return "unused bundles uninstalled after " + settings.uninstallDelay().toMillis() + " ms, repository timeouts "
                + settings.connectTimeout().toMillis() + " ms (connect) and " + settings.requestTimeout().toMillis() + " ms (request)";
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
