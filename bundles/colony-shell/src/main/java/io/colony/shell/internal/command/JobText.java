package io.colony.shell.internal.command;

import io.colony.api.job.JobInfo;
import io.colony.api.job.TaskStatus;
import io.colony.api.job.Work;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** How the job commands write the parts of a job: its work, progress, tasks done, times and errors. */
final class JobText {

    static final String NONE = "-";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final int MAX_ERROR_CHARACTERS = 120;

    private JobText() {
    }

    /** {@code primes}, {@code primes [1.0,2)}, {@code source demo.Squares} or {@code sh: echo hi}. */
    static String work(Work work) {
        if (work instanceof Work.PluginWork plugin) {
            return plugin.versionRange() == null ? plugin.name() : plugin.name() + " " + plugin.versionRange();
        }
        if (work instanceof Work.SourceWork source) {
            return "source " + source.source().entryClass();
        }
        return "sh: " + oneLine(((Work.CommandWork) work).commandLine(), 60);
    }

    /** A fraction from 0 to 1 as a whole percentage, {@code 47%}. */
    static String percent(double fraction) {
        return Math.round(clamp(fraction) * 100) + "%";
    }

    static double clamp(double fraction) {
        return Double.isNaN(fraction) ? 0 : Math.max(0, Math.min(1, fraction));
    }

    /** How many of the job's tasks reached a final state. */
    static int tasksDone(JobInfo job) {
        int done = 0;
        for (Map.Entry<TaskStatus, Integer> entry : job.tasks().entrySet()) {
            if (entry.getKey().isFinal()) {
                done += entry.getValue();
            }
        }
        return done;
    }

    /** {@code 3/8}: tasks done of all tasks. */
    static String tasks(JobInfo job) {
        return tasksDone(job) + "/" + job.taskCount();
    }

    /** A moment in the clock's time zone, {@code 2025-03-07 12:04:05}, or {@value #NONE}. */
    static String time(Instant instant, Clock clock) {
        return instant == null ? NONE : TIME.format(LocalDateTime.ofInstant(instant, clock.getZone()));
    }

    /** From start to end, or to now while there is no end; {@value #NONE} without a start. */
    static String elapsed(Instant start, Instant end, Clock clock) {
        if (start == null) {
            return NONE;
        }
        Duration elapsed = Duration.between(start, end != null ? end : clock.instant());
        return HumanFormat.duration(elapsed.isNegative() ? Duration.ZERO : elapsed);
    }

    /** An error on one line, cut to a table's width; {@value #NONE} for none. */
    static String error(String error) {
        return error == null || error.isBlank() ? NONE : oneLine(error, MAX_ERROR_CHARACTERS);
    }

    static String oneLine(String text, int maxCharacters) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= maxCharacters ? line : line.substring(0, maxCharacters - 3) + "...";
    }

    static String orNone(Object value) {
        return value == null ? NONE : value.toString();
    }
}
