package io.colony.shell.internal.command;

import io.colony.api.plugin.Payload;
import io.colony.api.worker.LocalExecutor;
import io.colony.api.worker.PluginCatalog;
import io.colony.api.worker.PluginDescriptor;
import io.colony.api.worker.TaskRequest;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.DoubleConsumer;

/** A worker that answers with a prepared future and remembers what it was asked to run. */
final class FakeWorker implements LocalExecutor, PluginCatalog {

    final List<PluginDescriptor> plugins;
    CompletableFuture<Payload> answer = new CompletableFuture<>();
    TaskRequest request;
    int chunks;

    FakeWorker(PluginDescriptor... plugins) {
        this.plugins = List.of(plugins);
    }

    static PluginDescriptor plugin(String name) {
        return new PluginDescriptor(name, "1.0.0", "the " + name + " plugin", "io.colony.plugins." + name + " 1.0.0", 7, true);
    }

    FakeWorker answering(Payload result) {
        answer.complete(result);
        return this;
    }

    FakeWorker failing(Throwable failure) {
        answer.completeExceptionally(failure);
        return this;
    }

    @Override
    public CompletableFuture<Payload> run(TaskRequest request, DoubleConsumer progress) {
        this.request = request;
        return answer;
    }

    @Override
    public CompletableFuture<Payload> runSplit(TaskRequest request, int chunks, DoubleConsumer progress) {
        this.chunks = chunks;
        return run(request, progress);
    }

    @Override
    public List<PluginDescriptor> plugins() {
        return plugins;
    }

    @Override
    public Optional<PluginDescriptor> find(String name, String versionRange) {
        if (versionRange != null && versionRange.startsWith("[9")) {
            return Optional.empty();
        }
        return plugins.stream().filter(plugin -> plugin.name().equals(name)).findFirst();
    }

    @Override
    public CompletableFuture<List<Payload>> split(TaskRequest request, int chunks) {
        this.request = request;
        this.chunks = chunks;
        return answer.thenApply(List::of);
    }

    @Override
    public CompletableFuture<Payload> reduce(TaskRequest request, List<Payload> results) {
        this.request = request;
        return answer;
    }

    @Override
    public int slots() {
        return 2;
    }
}
