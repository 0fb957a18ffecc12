package io.colony.http.internal.pcci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.colony.api.job.JobInfo;
import io.colony.api.job.JobResult;
import io.colony.api.job.TaskInfo;
import io.colony.api.job.TaskResult;
import io.colony.api.job.TaskStatus;
import io.colony.api.job.Work;
import io.colony.api.plugin.Payload;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A command job shown as a PCCI pool: {@code {"id": <number>, "status": null|0|1, "jobs": [job...], "cached_at": <ms>}},
 * one PCCI job per task: {@code {"code":"JOB","pool":"<id>","cmd","pid","result","status","worker_id","time_to_calc"}}.
 * PCCI's {@code pid} was the process id on the worker; Colony gives the task's index (unique within the pool).
 */
final class PoolView {

    static final String SOCKET_CLOSED = " Job stopped due to socket close";

    private final ObjectMapper mapper;

    PoolView(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Whether a job is a pool: a command job (plugin jobs are not shown on the PCCI routes). */
    static boolean isPool(JobInfo job) {
        return job.spec().work() instanceof Work.CommandWork;
    }

    /**
     * @param tasks the job's tasks by index
     * @param result the job's outcome once it finished, for the tasks' output
     */
    ObjectNode pool(JobInfo job, List<TaskInfo> tasks, Optional<JobResult> result) {
        String command = ((Work.CommandWork) job.spec().work()).commandLine();
        Map<Integer, TaskResult> outputs = new HashMap<>();
        result.ifPresent(finished -> finished.tasks().forEach(task -> outputs.put(task.index(), task)));
        ArrayNode array = mapper.createArrayNode();
        boolean allZero = true;
        for (TaskInfo task : tasks) {
            Integer status = status(task);
            allZero &= status != null && status == 0;
            ObjectNode entry = array.addObject();
            entry.put("code", "JOB");
            entry.put("pool", job.id());
            entry.put("cmd", command);
            entry.put("pid", task.index());
            entry.put("result", output(task, outputs.get(task.index())));
            entry.put("status", status);
            entry.put("worker_id", task.pinnedTo() != null ? task.pinnedTo() : task.worker());
            if (task.startedAt() != null && task.finishedAt() != null) {
                entry.put("time_to_calc", Duration.between(task.startedAt(), task.finishedAt()).toMillis());
            } else {
                entry.putNull("time_to_calc");
            }
        }
        ObjectNode pool = mapper.createObjectNode();
        pool.put("id", new BigInteger(job.id()));
        if (job.status().isFinal()) {
            pool.put("status", allZero ? 0 : 1);
        } else {
            pool.putNull("status");
        }
        pool.set("jobs", array);
        if (job.status().isFinal() && job.finishedAt() != null) {
            pool.put("cached_at", job.finishedAt().toEpochMilli());
        }
        return pool;
    }

    /** The exit code; a task that ended without one (lost, killed, failed to start) counts as 1, as PCCI's lost jobs did. */
    private static Integer status(TaskInfo task) {
        if (task.exitCode() != null) {
            return task.exitCode();
        }
        if (!task.status().isFinal()) {
            return null;
        }
        return task.status() == TaskStatus.SUCCEEDED ? 0 : 1;
    }

    /** stdout with its line breaks removed, then stderr, as PCCI gathered them; "" until the job's result is in. */
    private String output(TaskInfo task, TaskResult result) {
        String text = result == null ? "" : commandOutput(result.output());
        return task.status() == TaskStatus.LOST ? text + SOCKET_CLOSED : text;
    }

    private String commandOutput(Payload output) {
        if (output.size() == 0) {
            return "";
        }
        if (output.isJson()) {
            try {
                JsonNode node = mapper.readTree(output.bytes());
                if (node != null && node.isObject()) {
                    return withoutLineBreaks(node.path("stdout").asText("")) + node.path("stderr").asText("");
                }
            } catch (IOException e) {
                // not the command output object: shown as text below
            }
        }
        return withoutLineBreaks(output.asText());
    }

    private static String withoutLineBreaks(String text) {
        return text.replace("\r", "").replace("\n", "");
    }
}
