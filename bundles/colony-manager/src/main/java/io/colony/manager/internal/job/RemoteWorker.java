package io.colony.manager.internal.job;

import io.colony.api.job.Work;
import io.colony.api.job.Work.PluginWork;
import io.colony.api.plugin.Payload;
import io.colony.transport.api.Peer;
import io.colony.transport.api.SourceDiagnostics;
import io.colony.transport.proto.CancelTask;
import io.colony.transport.proto.Envelope;
import io.colony.transport.proto.PluginCall;
import io.colony.transport.proto.RunTask;
import io.colony.transport.proto.SourceProgram;
import io.colony.transport.proto.TaskOutcome;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.DoubleConsumer;
import java.util.function.Function;

/** Another node's worker, reached over the transport. */
final class RemoteWorker implements WorkerEndpoint {

    /** How much longer than the task's timeout the manager waits for the worker's answer. */
    static final Duration ANSWER_GRACE = Duration.ofSeconds(15);

    private final Peer peer;
    private final ProgressRoutes progress;

    RemoteWorker(Peer peer, ProgressRoutes progress) {
        this.peer = peer;
        this.progress = progress;
    }

    @Override
    public String workerId() {
        return peer.nodeId();
    }

    @Override
    public boolean isConnected() {
        return peer.isConnected();
    }

    Peer peer() {
        return peer;
    }

    @Override
    public CompletableFuture<Outcome> execute(Attempt attempt, DoubleConsumer onProgress) {
        RunTask.Builder task = RunTask.newBuilder()
                .setJobId(attempt.jobId())
                .setTaskIndex(attempt.index())
                .setAttempt(attempt.number())
                .setInput(Wire.chunk(attempt.input()))
                .setTimeoutMillis(attempt.timeout().toMillis())
                .setPhase(RunTask.Phase.EXECUTE);
        if (attempt.work() instanceof PluginWork plugin) {
            task.setPlugin(call(plugin));
        } else if (attempt.work() instanceof Work.SourceWork source) {
            task.setSource(SourceProgram.newBuilder().putAllFiles(source.source().files())
                    .setEntryClass(source.source().entryClass()));
        } else {
            task.setCommand(((Work.CommandWork) attempt.work()).commandLine());
        }
        String route = progress.add(workerId(), attempt.key(), onProgress);
        return send(task.build(), attempt.timeout(), outcome -> switch (outcome.getStatus()) {
            case SUCCEEDED -> Outcome.succeeded(Wire.payload(outcome.getOutput()),
                    outcome.hasExitCode() ? outcome.getExitCode() : null);
            case KILLED -> Outcome.of(Outcome.Kind.KILLED, outcome.getError());
            case REFUSED -> Outcome.of(Outcome.Kind.REFUSED, outcome.getError());
            default -> Outcome.of(Outcome.Kind.FAILED, outcome.getError(), SourceDiagnostics.fromProto(outcome.getDiagnosticsList()));
        }, error -> Outcome.of(Outcome.Kind.LOST, error)).whenComplete((done, failure) -> progress.remove(route));
    }

    @Override
    public void cancel(Attempt attempt, String reason) {
        peer.send(Envelope.newBuilder().setCancelTask(CancelTask.newBuilder()
                .setJobId(attempt.jobId()).setTaskIndex(attempt.index()).setAttempt(attempt.number())
                .setReason(reason)).build());
    }

    @Override
    public CompletableFuture<PhaseOutcome<List<Payload>>> split(String jobId, PluginWork plugin, Payload workload, int chunks,
            Duration timeout) {
        RunTask task = RunTask.newBuilder().setJobId(jobId).setPhase(RunTask.Phase.SPLIT).setPlugin(call(plugin))
                .setInput(Wire.chunk(workload)).setChunks(chunks).setTimeoutMillis(timeout.toMillis()).setAttempt(1).build();
        return send(task, timeout, outcome -> outcome.getStatus() == TaskOutcome.Status.SUCCEEDED
                ? PhaseOutcome.of(Wire.payloads(outcome.getPartsList())) : phaseFailure(outcome),
                error -> PhaseOutcome.failed(Outcome.Kind.LOST, error));
    }

    @Override
    public CompletableFuture<PhaseOutcome<Payload>> reduce(String jobId, PluginWork plugin, Payload workload, List<Payload> parts,
            Duration timeout) {
        RunTask task = RunTask.newBuilder().setJobId(jobId).setPhase(RunTask.Phase.REDUCE).setPlugin(call(plugin))
                .setInput(Wire.chunk(workload)).addAllParts(Wire.chunks(parts)).setTimeoutMillis(timeout.toMillis())
                .setAttempt(1).build();
        return send(task, timeout, outcome -> outcome.getStatus() == TaskOutcome.Status.SUCCEEDED
                ? PhaseOutcome.of(Wire.payload(outcome.getOutput())) : phaseFailure(outcome),
                error -> PhaseOutcome.failed(Outcome.Kind.LOST, error));
    }

    private <T> CompletableFuture<T> send(RunTask task, Duration timeout, Function<TaskOutcome, T> answered,
            Function<String, T> lost) {
        try {
            return peer.request(Envelope.newBuilder().setRunTask(task).build(), timeout.plus(ANSWER_GRACE))
                    .handle((response, failure) -> {
                        if (failure != null) {
                            Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                            return lost.apply("worker " + workerId() + ": " + cause.getMessage());
                        }
                        if (response.getBodyCase() != Envelope.BodyCase.TASK_OUTCOME) {
                            return lost.apply("worker " + workerId() + " answered a task with " + response.getBodyCase());
                        }
                        return answered.apply(response.getTaskOutcome());
                    });
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(lost.apply("worker " + workerId() + ": " + e.getMessage()));
        }
    }

    private static <T> PhaseOutcome<T> phaseFailure(TaskOutcome outcome) {
        Outcome.Kind kind = switch (outcome.getStatus()) {
            case REFUSED -> Outcome.Kind.REFUSED;
            case KILLED -> Outcome.Kind.KILLED;
            default -> Outcome.Kind.FAILED;
        };
        return PhaseOutcome.failed(kind, outcome.getError());
    }

    private static PluginCall call(PluginWork plugin) {
        PluginCall.Builder call = PluginCall.newBuilder().setName(plugin.name())
                .setVersionRange(plugin.versionRange() == null ? "" : plugin.versionRange());
        if (plugin.hasManifest()) {
            io.colony.transport.proto.Manifest.Builder manifest = io.colony.transport.proto.Manifest.newBuilder()
                    .addAllBundles(plugin.manifest().bundles()).setKeepWhenDone(!plugin.manifest().deleteWhenDone());
            plugin.manifest().repositories().forEach(repository -> manifest.addRepositories(
                    io.colony.transport.proto.MavenRepository.newBuilder().setId(repository.id()).setUrl(repository.url())));
            call.setManifest(manifest);
        }
        return call.build();
    }
}
