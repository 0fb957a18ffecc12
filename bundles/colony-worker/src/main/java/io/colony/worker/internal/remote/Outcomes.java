package io.colony.worker.internal.remote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.colony.api.plugin.Payload;
import io.colony.api.source.CompilationException;
import io.colony.api.worker.CommandResult;
import io.colony.api.worker.TaskFailedException;
import io.colony.transport.api.SourceDiagnostics;
import io.colony.transport.proto.TaskOutcome;
import io.colony.transport.proto.TaskOutcome.Status;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** The {@link TaskOutcome}s this worker answers with (without their elapsed time, which the attempt adds). */
final class Outcomes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Outcomes() {
    }

    static TaskOutcome.Builder succeeded(Payload output) {
        return TaskOutcome.newBuilder().setStatus(Status.SUCCEEDED).setOutput(Payloads.chunk(output));
    }

    /** A split: the chunks as the outcome's parts. */
    static TaskOutcome.Builder split(List<Payload> parts) {
        TaskOutcome.Builder outcome = TaskOutcome.newBuilder().setStatus(Status.SUCCEEDED);
        parts.forEach(part -> outcome.addParts(Payloads.chunk(part)));
        return outcome;
    }

    /**
     * A command that ran to its exit, whatever its exit code (whether that is a failure is the
     * manager's decision): the exit code, and as output the JSON object
     * {@code {"exitCode":n,"stdout":"..","stderr":"..","stdoutTruncated":b,"stderrTruncated":b}}.
     */
    static TaskOutcome.Builder command(CommandResult result) {
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("exitCode", result.exitCode());
        output.put("stdout", result.stdout());
        output.put("stderr", result.stderr());
        output.put("stdoutTruncated", result.stdoutTruncated());
        output.put("stderrTruncated", result.stderrTruncated());
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(output);
        } catch (JsonProcessingException e) {
            // strings, numbers and booleans always serialise; this would be a bug in Jackson
            throw new IllegalStateException("cannot write a command's result as JSON: " + e.getOriginalMessage(), e);
        }
        return succeeded(Payload.of(json, Payload.JSON)).setExitCode(result.exitCode());
    }

    static TaskOutcome.Builder failed(String error) {
        return ended(Status.FAILED, error);
    }

    static TaskOutcome.Builder killed(String error) {
        return ended(Status.KILLED, error);
    }

    static TaskOutcome.Builder refused(String error) {
        return ended(Status.REFUSED, error);
    }

    /**
     * The outcome of work that failed on its own (not because this attempt was cancelled, which is
     * answered before the work ends): a missing plugin is a refusal, anything else a failure with
     * the executor's message (plugin error, timeout, worker full or stopping); a source that did not
     * compile adds the compiler's diagnostics.
     */
    static TaskOutcome.Builder failure(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof TaskFailedException task) {
            return task.reason() == TaskFailedException.Reason.UNKNOWN_PLUGIN ? refused(task.getMessage())
                    : failed(task.getMessage()).addAllDiagnostics(SourceDiagnostics.toProto(CompilationException.diagnosticsOf(task)));
        }
        if (cause instanceof CancellationException) {
            return failed("the work was cancelled on this worker");
        }
        return failed(cause.getMessage() == null ? cause.toString() : cause.getMessage());
    }

    private static TaskOutcome.Builder ended(Status status, String error) {
        return TaskOutcome.newBuilder().setStatus(status).setError(error);
    }
}
