package io.colony.worker.internal;

import io.colony.api.node.NodeInfo;
import io.colony.api.plugin.JsonCodec;
import io.colony.api.plugin.Payload;
import io.colony.api.worker.LocalExecutor;
import io.colony.api.worker.TaskFailedException;
import io.colony.api.worker.TaskRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.DoubleConsumer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The worker role of this node: present only when the node plays it, configured by
 * {@value WorkerConfiguration#PID}. A configuration change re-creates the pool; tasks running then
 * fail as rejected, which is what a caller must expect of a worker going away anyway.
 */
@Component(name = WorkerConfiguration.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL, service = LocalExecutor.class)
@Designate(ocd = WorkerConfiguration.class)
public final class WorkerService implements LocalExecutor {

    private final TaskRunner runner;
    private final ManifestRuns manifests;
    private final SourcePrograms sources;

    @Activate
    public WorkerService(Map<String, Object> properties,
            @Reference(target = "(colony.node.roles=worker)") NodeInfo node,
            @Reference PluginRegistry plugins,
            @Reference JsonCodec json,
            @Reference ManifestPlugins manifestPlugins,
            @Reference SourcePrograms sources,
            @Reference(service = LoggerFactory.class) Logger log) {
        WorkerSettings settings = WorkerSettings.read(properties, Runtime.getRuntime().availableProcessors());
        this.runner = new TaskRunner(settings, plugins, json, log);
        this.manifests = new ManifestRuns(manifestPlugins);
        this.sources = sources;
        log.info("Worker of node {} runs {} tasks at once, {} may wait", node.id(), settings.slots(), settings.queueCapacity());
    }

    @Deactivate
    void deactivate() {
        runner.close();
    }

    @Override
    public CompletableFuture<Payload> run(TaskRequest request, DoubleConsumer progress) {
        if (request.source() != null) {
            return sources.run(request, progress, runner);
        }
        return manifests.run(request, progress, pinned -> runner.run(pinned, progress));
    }

    @Override
    public CompletableFuture<Payload> runSplit(TaskRequest request, int chunks, DoubleConsumer progress) {
        if (request.source() != null) {
            return notSplittable(request);
        }
        return manifests.run(request, progress, pinned -> runner.runSplit(pinned, chunks, progress));
    }

    @Override
    public CompletableFuture<List<Payload>> split(TaskRequest request, int chunks) {
        if (request.source() != null) {
            return notSplittable(request);
        }
        return manifests.run(request, null, pinned -> runner.split(pinned, chunks));
    }

    @Override
    public CompletableFuture<Payload> reduce(TaskRequest request, List<Payload> results) {
        if (request.source() != null) {
            return notSplittable(request);
        }
        return manifests.run(request, null, pinned -> runner.reduce(pinned, results));
    }

    private static <T> CompletableFuture<T> notSplittable(TaskRequest request) {
        return CompletableFuture.failedFuture(new TaskFailedException(TaskFailedException.Reason.PLUGIN_ERROR,
                "source " + request.plugin() + ": a source task runs its input whole; it is not split or reduced"));
    }

    @Override
    public int slots() {
        return runner.slots();
    }
}
