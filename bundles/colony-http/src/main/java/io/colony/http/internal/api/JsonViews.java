package io.colony.http.internal.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.colony.api.job.JobInfo;
import io.colony.api.job.JobSpecCodec;
import io.colony.api.job.TaskInfo;
import io.colony.api.job.TaskStatus;
import io.colony.api.job.WorkerInfo;
import io.colony.api.node.HardwareStatus;
import io.colony.api.source.Diagnostic;
import io.colony.api.worker.PluginDescriptor;
import io.colony.http.internal.routing.Replies;
import java.time.Instant;
import java.util.Collection;
import java.util.TreeMap;

/** The JSON shapes of {@code /api/v1}: jobs, tasks, workers, plugins. Times are ISO-8601 text or null. */
public final class JsonViews {

    private final Replies replies;
    private final JobSpecCodec codec;

    public JsonViews(Replies replies, JobSpecCodec codec) {
        this.replies = replies;
        this.codec = codec;
    }

    public ObjectNode object() {
        return replies.mapper().createObjectNode();
    }

    /** {@code {"id","status","submittedAt","startedAt","finishedAt","progress","tasks":{..},"taskCount","error","spec":{..}}} */
    public ObjectNode job(JobInfo job) {
        ObjectNode node = object();
        node.put("id", job.id());
        node.put("status", job.status().name());
        putTime(node, "submittedAt", job.submittedAt());
        putTime(node, "startedAt", job.startedAt());
        putTime(node, "finishedAt", job.finishedAt());
        node.put("progress", fraction(job.progress()));
        ObjectNode tasks = node.putObject("tasks");
        for (TaskStatus status : TaskStatus.values()) {
            Integer count = job.tasks().get(status);
            if (count != null && count > 0) {
                tasks.put(status.name(), count);
            }
        }
        node.put("taskCount", job.taskCount());
        node.put("error", job.error());
        node.set("spec", replies.readTrusted(codec.write(job.spec())));
        return node;
    }

    /** {@code {"jobs":[job...]}} */
    public ObjectNode jobs(Collection<JobInfo> jobs) {
        ObjectNode node = object();
        ArrayNode array = node.putArray("jobs");
        jobs.forEach(job -> array.add(job(job)));
        return node;
    }

    /**
     * {@code {"index","status","worker","pinnedTo","attempts","startedAt","finishedAt","progress","exitCode","error"}}; for
     * a manifest job's task once its worker set it up {@code "setup": {"artifacts":[...],"millis","fromCache"}}, and for a
     * source job's task whose source did not compile {@code "diagnostics": [{"kind","file","line","column","message"}...]}
     */
    public ObjectNode task(TaskInfo task) {
        ObjectNode node = object();
        node.put("index", task.index());
        node.put("status", task.status().name());
        node.put("worker", task.worker());
        node.put("pinnedTo", task.pinnedTo());
        node.put("attempts", task.attempts());
        putTime(node, "startedAt", task.startedAt());
        putTime(node, "finishedAt", task.finishedAt());
        node.put("progress", fraction(task.progress()));
        node.put("exitCode", task.exitCode());
        node.put("error", task.error());
        if (task.setup() != null) {
            ObjectNode setup = node.putObject("setup");
            task.setup().artifacts().forEach(setup.putArray("artifacts")::add);
            setup.put("millis", task.setup().time().toMillis());
            setup.put("fromCache", task.setup().fromCache());
        }
        if (!task.diagnostics().isEmpty()) {
            ArrayNode diagnostics = node.putArray("diagnostics");
            for (Diagnostic diagnostic : task.diagnostics()) {
                diagnostics.addObject().put("kind", diagnostic.kind()).put("file", diagnostic.file()).put("line", diagnostic.line())
                        .put("column", diagnostic.column()).put("message", diagnostic.message());
            }
        }
        return node;
    }

    /** {@code {"tasks":[task...]}} */
    public ObjectNode tasks(Collection<TaskInfo> tasks) {
        ObjectNode node = object();
        ArrayNode array = node.putArray("tasks");
        tasks.forEach(task -> array.add(task(task)));
        return node;
    }

    /** {@code {"id","host","port","local","state","lastHeartbeat","hardware":{..}|null,"data":{..},"slots","running","plugins":[..]}} */
    public ObjectNode worker(WorkerInfo worker) {
        ObjectNode node = object();
        node.put("id", worker.id());
        node.put("host", worker.host());
        node.put("port", worker.transportPort());
        node.put("local", worker.local());
        node.put("state", worker.state().name());
        putTime(node, "lastHeartbeat", worker.lastHeartbeat());
        if (worker.hardware().isPresent()) {
            node.set("hardware", hardware(worker.hardware().get()));
        } else {
            node.putNull("hardware");
        }
        ObjectNode data = node.putObject("data");
        new TreeMap<>(worker.userData()).forEach(data::put);
        node.put("slots", worker.slots());
        node.put("running", worker.running());
        node.set("plugins", plugins(worker.plugins()));
        return node;
    }

    /** {@code {"workers":[worker...]}} */
    public ObjectNode workers(Collection<WorkerInfo> workers) {
        ObjectNode node = object();
        ArrayNode array = node.putArray("workers");
        workers.forEach(worker -> array.add(worker(worker)));
        return node;
    }

    /** {@code [{"name","version","description","splittable"}...]} */
    public ArrayNode plugins(Collection<PluginDescriptor> plugins) {
        ArrayNode array = replies.mapper().createArrayNode();
        for (PluginDescriptor plugin : plugins) {
            array.addObject()
                    .put("name", plugin.name())
                    .put("version", plugin.version())
                    .put("description", plugin.description())
                    .put("splittable", plugin.splittable());
        }
        return array;
    }

    /** The hardware status; a system load the OS does not provide (negative) is null. */
    private ObjectNode hardware(HardwareStatus hardware) {
        ObjectNode node = object();
        node.put("physicalCores", hardware.physicalCores());
        node.put("logicalCores", hardware.logicalCores());
        if (hardware.systemLoad() < 0 || !Double.isFinite(hardware.systemLoad())) {
            node.putNull("systemLoad");
        } else {
            node.put("systemLoad", hardware.systemLoad());
        }
        node.put("cpuUsage", fraction(hardware.cpuUsage()));
        node.put("memoryTotal", hardware.memoryTotal());
        node.put("memoryAvailable", hardware.memoryAvailable());
        node.put("diskTotal", hardware.diskTotal());
        node.put("diskFree", hardware.diskFree());
        node.put("os", hardware.os());
        node.put("jvm", hardware.jvm());
        putTime(node, "sampledAt", hardware.sampledAt());
        return node;
    }

    /** A value from 0 to 1; anything not finite is written as 0 (JSON has no NaN). */
    private static double fraction(double value) {
        return Double.isFinite(value) ? value : 0;
    }

    static void putTime(ObjectNode node, String name, Instant time) {
        if (time == null) {
            node.putNull(name);
        } else {
            node.put(name, time.toString());
        }
    }
}
