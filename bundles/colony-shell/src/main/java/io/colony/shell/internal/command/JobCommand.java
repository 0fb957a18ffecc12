package io.colony.shell.internal.command;

import io.colony.api.job.JobInfo;
import io.colony.api.job.JobSpec;
import io.colony.api.job.ResultAction;
import io.colony.api.job.Targets;
import io.colony.api.job.TaskInfo;
import io.colony.api.job.TaskStatus;
import io.colony.api.job.Work;
import io.colony.api.plugin.Payload;
import io.colony.api.source.Diagnostic;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code colony:job <id>}: one job's details, one per line, then the table of its tasks, then the compiler's diagnostics
 * of each task whose source did not compile.
 */
final class JobCommand {

    private static final List<String> HEADER = List.of("INDEX", "STATUS", "WORKER", "ATTEMPTS", "TIME", "EXIT", "ERROR");
    private static final int MAX_DIAGNOSTIC_CHARACTERS = 500;

    private JobCommand() {
    }

    static void print(JobInfo job, List<TaskInfo> tasks, Clock clock, PrintStream out) {
        JobSpec spec = job.spec();
        line(out, "id", job.id());
        line(out, "status", job.status().name());
        line(out, "work", (spec.work() instanceof Work.PluginWork ? "plugin " : "") + JobText.work(spec.work()));
        line(out, "input", input(spec));
        line(out, "targets", targets(spec.targets()));
        line(out, "strategy", spec.strategy().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        line(out, "limits", "task timeout " + HumanFormat.duration(spec.taskTimeout()) + ", " + spec.retries() + " retries, priority "
                + spec.priority());
        line(out, "result", result(spec.result()));
        line(out, "submitted", JobText.time(job.submittedAt(), clock));
        line(out, "started", JobText.time(job.startedAt(), clock));
        line(out, "finished", JobText.time(job.finishedAt(), clock));
        line(out, "duration", JobText.elapsed(job.submittedAt(), job.finishedAt(), clock));
        line(out, "progress", JobText.percent(job.progress()) + ", " + JobText.tasks(job) + " tasks done" + counts(job.tasks()));
        if (job.error() != null && !job.error().isBlank()) {
            line(out, "error", job.error().strip());
        }
        out.println();
        if (tasks.isEmpty()) {
            out.println(job.status().isFinal() ? "no tasks" : "no tasks yet (a split job gets its tasks once its input is split)");
        } else {
            TextTable table = new TextTable(HEADER);
            for (TaskInfo task : tasks) {
                table.row(row(task, clock));
            }
            table.print(out);
            tasks.forEach(task -> printDiagnostics(task, out));
        }
        out.flush();
    }

    /** {@code demo/Squares.java:12:5: error: ';' expected}, one line each, as the compiler writes them. */
    private static void printDiagnostics(TaskInfo task, PrintStream out) {
        if (task.diagnostics().isEmpty()) {
            return;
        }
        out.println();
        out.println("task " + task.index() + " did not compile:");
        for (Diagnostic diagnostic : task.diagnostics()) {
            out.println("  " + JobText.oneLine(diagnostic.toString(), MAX_DIAGNOSTIC_CHARACTERS));
        }
    }

    private static List<String> row(TaskInfo task, Clock clock) {
        String status = task.status() == TaskStatus.RUNNING
                ? "RUNNING " + JobText.percent(task.progress())
                : task.status().name();
        String worker = task.worker() != null ? task.worker() : task.pinnedTo() != null ? task.pinnedTo() + " (pinned)" : JobText.NONE;
        return List.of(String.valueOf(task.index()), status, worker, String.valueOf(task.attempts()),
                JobText.elapsed(task.startedAt(), task.finishedAt(), clock), JobText.orNone(task.exitCode()), JobText.error(task.error()));
    }

    private static String input(JobSpec spec) {
        Payload input = spec.input();
        String what = HumanFormat.bytes(input.size()) + " " + input.contentType();
        return spec.isSplit() ? what + ", split into at most " + spec.chunks() + " chunks" : what;
    }

    private static String targets(Targets targets) {
        if (targets instanceof Targets.Workers workers) {
            return "workers " + String.join(", ", workers.ids());
        }
        if (targets instanceof Targets.Query query) {
            return "workers matching " + query.expression();
        }
        return targets instanceof Targets.All ? "every available worker" : "any worker";
    }

    private static String result(ResultAction action) {
        if (action instanceof ResultAction.Post post) {
            return "posted to " + post.url();
        }
        return action instanceof ResultAction.Keep ? "kept until deleted" : "kept for the retention period";
    }

    /** {@code : 3 succeeded, 2 running} in the order of {@link TaskStatus}; empty without tasks. */
    private static String counts(Map<TaskStatus, Integer> tasks) {
        if (tasks.isEmpty()) {
            return "";
        }
        return new TreeMap<>(tasks).entrySet().stream()
                .map(entry -> entry.getValue() + " " + entry.getKey().name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", ", ": ", ""));
    }

    private static void line(PrintStream out, String key, String value) {
        out.printf("%-10s %s%n", key, value);
    }
}
