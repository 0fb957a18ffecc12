package io.colony.worker.internal;

import io.colony.api.deploy.Deployer;
import io.colony.api.deploy.Deployment;
import io.colony.api.deploy.DeploymentException;
import io.colony.api.deploy.ResolvedArtifact;
import io.colony.api.job.TaskSetup;
import io.colony.api.worker.PluginCatalog;
import io.colony.api.worker.PluginDescriptor;
import io.colony.api.worker.TaskFailedException;
import io.colony.api.worker.TaskFailedException.Reason;
import io.colony.api.worker.TaskRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * Plugins from a job's manifest (topology 2): has the node's {@link Deployer} make the manifest's
 * bundles live, waits for the plugin to be registered by one of them, and hands back a
 * {@link Lease} that pins the task to exactly that plugin until the task is done.
 */
@Component(service = ManifestPlugins.class)
public final class ManifestPlugins {

    /** How long a deployed bundle may take to register its plugin service. */
    static final Duration PLUGIN_WAIT = Duration.ofSeconds(10);

    private final PluginCatalog catalog;
    private final Function<Runnable, AutoCloseable> catalogChanges;
    private final Duration pluginWait;
    private final Logger log;
    private final OptionalService<Deployer> deployer;

    @Activate
    public ManifestPlugins(@Reference PluginRegistry plugins, @Reference(service = LoggerFactory.class) Logger log) {
        this(plugins, plugins::onChange, PLUGIN_WAIT, log);
    }

    public ManifestPlugins(PluginCatalog catalog, Function<Runnable, AutoCloseable> catalogChanges, Duration pluginWait, Logger log) {
        this.catalog = catalog;
        this.catalogChanges = catalogChanges;
        this.pluginWait = pluginWait;
        this.log = log;
        this.deployer = new OptionalService<>(e -> log.warn("A listener to the deployer's availability failed: {}", e.toString(), e));
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    public void setDeployer(Deployer value) {
        deployer.bind(value);
    }

    public void unsetDeployer(Deployer value) {
        deployer.unbind(value);
    }

    /** Whether this node can install plugins from manifests now (it has a deployer). */
    public boolean available() {
        return deployer.isPresent();
    }

    /** Calls the listener whenever {@link #available()} may have changed; closing the handle removes it. */
    public AutoCloseable onAvailabilityChange(Runnable listener) {
        return deployer.onChange(listener);
    }

    /**
     * Makes the request's manifest live and finds its plugin. Fails with a {@link TaskFailedException}
     * ({@link Reason#SETUP_FAILED}) saying why; cancelling the future before it completes releases what was deployed.
     */
    CompletableFuture<Lease> obtain(TaskRequest request) {
        Deployer current = deployer.get();
        if (current == null) {
            return CompletableFuture.failedFuture(new TaskFailedException(Reason.SETUP_FAILED,
                    "this worker cannot install plugins from a manifest: colony-deployer is not running on it"));
        }
        long started = System.nanoTime();
        CompletableFuture<Lease> lease = new CompletableFuture<>();
        CompletableFuture<Deployment> deployed;
        try {
            deployed = current.deploy(request.manifest());
        } catch (RuntimeException e) {
            deployed = CompletableFuture.failedFuture(e);
        }
        deployed.whenComplete((deployment, failure) -> {
            if (failure != null) {
                lease.completeExceptionally(setupFailure(request, failure));
                return;
            }
            pluginOf(request, deployment).whenComplete((plugin, missing) -> {
                if (missing != null) {
                    deployment.close();
                    lease.completeExceptionally(missing);
                    return;
                }
                TaskSetup setup = new TaskSetup(deployment.artifacts().stream().map(ResolvedArtifact::coordinates).toList(),
                        Duration.ofNanos(System.nanoTime() - started), deployment.fromCache());
                if (!lease.complete(new Lease(request.pinnedTo(plugin.version()), setup, deployment))) {
                    deployment.close();
                }
            });
        });
        return lease;
    }

    /** The plugin the request names, registered by one of the deployment's own bundles; waits a while for it. */
    private CompletableFuture<PluginDescriptor> pluginOf(TaskRequest request, Deployment deployment) {
        CompletableFuture<PluginDescriptor> found = new CompletableFuture<>();
        VersionRange range;
        try {
            range = PluginRegistry.parseRange(request.versionRange());
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new TaskFailedException(Reason.UNKNOWN_PLUGIN, e.getMessage(), e));
        }
        Runnable check = () -> find(request.plugin(), range, deployment).ifPresent(found::complete);
        AutoCloseable listening = catalogChanges.apply(check);
        check.run();
        found.orTimeout(pluginWait.toMillis(), TimeUnit.MILLISECONDS).whenComplete((plugin, failure) -> close(listening));
        return found.handle((plugin, failure) -> {
            if (failure == null) {
                return plugin;
            }
            throw new CompletionException(new TaskFailedException(Reason.UNKNOWN_PLUGIN, "the manifest's bundles ("
                    + String.join(", ", deployment.artifacts().stream().map(ResolvedArtifact::bundle).toList())
                    + ") registered no plugin '" + request.plugin() + "'"
                    + (range == null ? "" : " in version range " + request.versionRange()) + " within "
                    + pluginWait.toSeconds() + " s; plugins from them: " + describe(pluginsOf(deployment))));
        });
    }

    private Optional<PluginDescriptor> find(String name, VersionRange range, Deployment deployment) {
        return pluginsOf(deployment).stream()
                .filter(plugin -> plugin.name().equals(name))
                .filter(plugin -> range == null || range.includes(Version.parseVersion(plugin.version())))
                .max((a, b) -> Version.parseVersion(a.version()).compareTo(Version.parseVersion(b.version())));
    }

    private List<PluginDescriptor> pluginsOf(Deployment deployment) {
        List<Long> bundles = deployment.bundleIds();
        return catalog.plugins().stream().filter(plugin -> bundles.contains(plugin.bundleId())).toList();
    }

    private static String describe(List<PluginDescriptor> plugins) {
        return plugins.isEmpty() ? "none" : String.join(", ", plugins.stream().map(p -> p.name() + " " + p.version()).toList());
    }

    private static TaskFailedException setupFailure(TaskRequest request, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof TaskFailedException failed) {
            return failed;
        }
        String what = cause instanceof DeploymentException deployment ? deployment.reason() + ": " + cause.getMessage()
                : "the deployer failed: " + (cause instanceof TimeoutException ? "timed out" : cause.toString());
        return new TaskFailedException(Reason.SETUP_FAILED, "the manifest of plugin '" + request.plugin() + "' could not be installed: " + what, cause);
    }

    private void close(AutoCloseable listening) {
        try {
            listening.close();
        } catch (Exception e) {
            log.debug("Could not stop listening to plugin changes: {}", e.toString());
        }
    }

    /**
     * A manifest's bundles, live for one task.
     *
     * @param request the task's request, pinned to exactly the deployed plugin's version, without the manifest
     * @param setup   how they were made live, for the manager
     */
    record Lease(TaskRequest request, TaskSetup setup, Deployment deployment) implements AutoCloseable {

        @Override
        public void close() {
            deployment.close();
        }
    }
}
