package io.colony.manager.internal.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.colony.api.job.Work;
import io.colony.api.job.Work.PluginWork;
import io.colony.api.plugin.Payload;
import io.colony.api.source.CompilationException;
import io.colony.api.worker.CommandExecutor;
import io.colony.api.worker.CommandResult;
import io.colony.api.worker.LocalExecutor;
import io.colony.api.worker.TaskFailedException;
import io.colony.api.worker.TaskRequest;
import io.colony.transport.api.SourceDiagnostics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleConsumer;
import java.util.function.Supplier;

/** The manager's own node's worker, called in process. */
final class LocalWorker implements WorkerEndpoint {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String workerId;
    private final LocalExecutor executor;
    private final Supplier<CommandExecutor> commands;
    private final Map<String, CompletableFuture<?>> running = new ConcurrentHashMap<>();
    private final Map<String, String> cancelReasons = new ConcurrentHashMap<>();

    /**
     * @param commands the node's command runner now, or null when it has none
     */
    LocalWorker(String workerId, LocalExecutor executor, Supplier<CommandExecutor> commands) {
        this.workerId = workerId;
        this.executor = executor;
        this.commands = commands;
    }

    @Override
    public String workerId() {
        return workerId;
    }

    LocalExecutor executor() {
        return executor;
    }

    int slots() {
        return executor.slots();
    }

    @Override
    public CompletableFuture<Outcome> execute(Attempt attempt, DoubleConsumer progress) {
        CompletableFuture<Outcome> outcome;
        try {
            CommandExecutor runner = commands.get();
            if (attempt.work() instanceof PluginWork || attempt.work() instanceof Work.SourceWork) {
                CompletableFuture<Payload> result = executor.run(request(attempt.work(), attempt.input(), attempt.timeout()), progress);
                running.put(attempt.key(), result);
                progress.accept(0);
                outcome = result.handle((payload, failure) -> failure == null
                        ? Outcome.succeeded(payload, null) : failed(attempt, failure));
            } else if (runner == null) {
                outcome = CompletableFuture.completedFuture(Outcome.of(Outcome.Kind.REFUSED,
                        "worker " + workerId + " runs no commands (it has no command executor)"));
            } else {
                CompletableFuture<CommandResult> result = runner.run(((Work.CommandWork) attempt.work()).commandLine(),
                        attempt.timeout());
                running.put(attempt.key(), result);
                progress.accept(0);
                outcome = result.handle((done, failure) -> failure == null
                        ? Outcome.succeeded(commandOutput(done), done.exitCode()) : failed(attempt, failure));
            }
        } catch (RuntimeException e) {
            outcome = CompletableFuture.completedFuture(Outcome.of(Outcome.Kind.REFUSED, e.getMessage()));
        }
        return outcome.whenComplete((done, failure) -> {
            running.remove(attempt.key());
            cancelReasons.remove(attempt.key());
        });
    }

    @Override
    public void cancel(Attempt attempt, String reason) {
        CompletableFuture<?> future = running.get(attempt.key());
        if (future != null) {
            cancelReasons.put(attempt.key(), reason);
            future.cancel(true);
        }
    }

    @Override
    public CompletableFuture<PhaseOutcome<List<Payload>>> split(String jobId, PluginWork plugin, Payload workload, int chunks,
            Duration timeout) {
        try {
            return executor.split(request(plugin, workload, timeout), chunks)
                    .handle((parts, failure) -> failure == null ? PhaseOutcome.of(parts) : phaseFailure(failure));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(PhaseOutcome.failed(Outcome.Kind.FAILED, e.getMessage()));
        }
    }

    @Override
    public CompletableFuture<PhaseOutcome<Payload>> reduce(String jobId, PluginWork plugin, Payload workload, List<Payload> parts,
            Duration timeout) {
        try {
            return executor.reduce(request(plugin, workload, timeout), parts)
                    .handle((value, failure) -> failure == null ? PhaseOutcome.of(value) : phaseFailure(failure));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(PhaseOutcome.failed(Outcome.Kind.FAILED, e.getMessage()));
        }
    }

    private static TaskRequest request(Work work, Payload input, Duration timeout) {
        if (work instanceof Work.SourceWork source) {
            return TaskRequest.source(source.source(), input, timeout);
        }
        PluginWork plugin = (PluginWork) work;
        return new TaskRequest(plugin.name(), plugin.versionRange(), input, timeout, plugin.manifest());
    }

    private Outcome failed(Attempt attempt, Throwable failure) {
        Throwable cause = unwrap(failure);
        String reason = cancelReasons.get(attempt.key());
        if (reason != null || cause instanceof CancellationException) {
            return Outcome.of(Outcome.Kind.KILLED, reason != null ? reason : "cancelled");
        }
        return Outcome.of(kindOf(cause), cause.getMessage(), SourceDiagnostics.bounded(CompilationException.diagnosticsOf(cause)));
    }

    private static <T> PhaseOutcome<T> phaseFailure(Throwable failure) {
        Throwable cause = unwrap(failure);
        return PhaseOutcome.failed(kindOf(cause), cause.getMessage());
    }

    private static Outcome.Kind kindOf(Throwable cause) {
        if (cause instanceof TaskFailedException failed) {
            return switch (failed.reason()) {
                case UNKNOWN_PLUGIN -> Outcome.Kind.REFUSED;
                case CANCELLED -> Outcome.Kind.KILLED;
                case PLUGIN_ERROR, TIMEOUT, REJECTED, SETUP_FAILED -> Outcome.Kind.FAILED;
            };
        }
        return Outcome.Kind.FAILED;
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    /** A command's result as the JSON object workers send: exit code, outputs, and whether they were cut. */
    static Payload commandOutput(CommandResult result) {
        ObjectNode node = JSON.createObjectNode();
        node.put("exitCode", result.exitCode());
        node.put("stdout", result.stdout());
        node.put("stderr", result.stderr());
        node.put("stdoutTruncated", result.stdoutTruncated());
        node.put("stderrTruncated", result.stderrTruncated());
        return Payload.of(node.toString().getBytes(StandardCharsets.UTF_8), Payload.JSON);
    }
}
