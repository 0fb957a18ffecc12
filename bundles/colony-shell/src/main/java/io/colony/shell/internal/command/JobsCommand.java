package io.colony.shell.internal.command;

import io.colony.api.job.JobInfo;
import io.colony.api.job.JobStatus;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code colony:jobs [<status>] [--limit N]}: a table of the manager's jobs, newest first. */
final class JobsCommand {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 1000;
    static final String NO_JOBS = "this manager has no jobs; colony:submit <job.json> submits one";
    private static final String LIMIT = "--limit";
    private static final List<String> HEADER = List.of("ID", "STATUS", "WORK", "TASKS", "PROGRESS", "SUBMITTED", "DURATION");

    /**
     * @param status only jobs in this state, or empty for all
     * @param help whether --help was given (the other fields are then meaningless)
     */
    record Query(Optional<JobStatus> status, int limit, boolean help) {
    }

    private JobsCommand() {
    }

    /** @throws IllegalArgumentException {@code colony:jobs: <reason>} and the usage */
    static Query parse(String[] args) {
        Usage usage = Usage.JOBS;
        CommandLine line = CommandLine.parse(usage, args, Set.of(LIMIT), Set.of());
        if (line.help()) {
            return new Query(Optional.empty(), DEFAULT_LIMIT, true);
        }
        line.noMoreThan(usage, 1);
        Optional<JobStatus> status = line.positional().stream().findFirst().map(name -> status(usage, name));
        String limit = line.value(LIMIT);
        return new Query(status, limit == null ? DEFAULT_LIMIT : limit(usage, limit), false);
    }

    private static JobStatus status(Usage usage, String name) {
        try {
            return JobStatus.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw usage.error("unknown status '" + name + "' (expected " + Arrays.stream(JobStatus.values())
                    .map(value -> value.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")) + ")");
        }
    }

    private static int limit(Usage usage, String value) {
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw usage.error(LIMIT + ": '" + value + "' is not a whole number from 1 to " + MAX_LIMIT);
    }

    static void print(List<JobInfo> jobs, Query query, Clock clock, PrintStream out) {
        if (jobs.isEmpty()) {
            out.println(query.status().map(status -> "this manager has no " + status + " jobs").orElse(NO_JOBS));
            out.flush();
            return;
        }
        TextTable table = new TextTable(HEADER);
        for (JobInfo job : jobs) {
            table.row(List.of(job.id(), job.status().name(), JobText.work(job.spec().work()), JobText.tasks(job),
                    JobText.percent(job.progress()), JobText.time(job.submittedAt(), clock),
                    JobText.elapsed(job.submittedAt(), job.finishedAt(), clock)));
        }
        table.print(out);
        if (jobs.size() >= query.limit()) {
            out.println("the newest " + query.limit() + " shown; " + LIMIT + " shows more (up to " + MAX_LIMIT + ")");
        }
        out.flush();
    }
}
