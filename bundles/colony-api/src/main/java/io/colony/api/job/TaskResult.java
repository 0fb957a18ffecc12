package io.colony.api.job;

import io.colony.api.plugin.Payload;
import java.util.Objects;

/**
 * What one task of a job produced.
 *
 * @param index the task's place in the job
 * @param worker the worker that ran it
 * @param status its final state
 * @param output the plugin's result, or for a command a JSON object
 *     {@code {"exitCode": n, "stdout": "...", "stderr": "..."}}; empty when the task produced none
 * @param exitCode a command's exit code, or {@code null}
 * @param error why it did not succeed, or {@code null}
 */
public record TaskResult(int index, String worker, TaskStatus status, Payload output, Integer exitCode, String error) {

    public TaskResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(output, "output");
    }
}
