package io.colony.shell.internal.command;

import io.colony.api.job.JobInfo;
import java.io.PrintStream;

/**
 * Shows how far a job is while {@code colony:submit} waits for it. On a terminal, one line redrawn in
 * place ({@code \r}) whenever it changes; elsewhere (the admin client, a pipe, a file) a new line only
 * when the job passes the next 10% step, so that a log gets at most eleven lines per job.
 */
final class JobProgress {

    static final int BAR_WIDTH = 30;
    private static final int STEPS = 10;

    private final String jobId;
    private final PrintStream out;
    private final boolean terminal;
    private int lastStep = -1;
    private String lastLine = "";

    JobProgress(String jobId, PrintStream out, boolean terminal) {
        this.jobId = jobId;
        this.out = out;
        this.terminal = terminal;
    }

    void show(JobInfo job) {
        double fraction = JobText.clamp(job.progress());
        if (terminal) {
            redraw(bar(job, fraction));
            return;
        }
        int step = (int) Math.floor(fraction * STEPS);
        if (step > lastStep) {
            lastStep = step;
            out.println("job " + jobId + ": " + (step * STEPS) + "% (" + JobText.tasksDone(job) + " of " + job.taskCount()
                    + " tasks done)");
            out.flush();
        }
    }

    /** Ends the redrawn line, so that what follows starts on a line of its own. */
    void end() {
        if (terminal && !lastLine.isEmpty()) {
            out.println();
            out.flush();
            lastLine = "";
        }
    }

    private String bar(JobInfo job, double fraction) {
        int filled = (int) Math.floor(fraction * BAR_WIDTH);
        return "job " + jobId + " [" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "] "
                + String.format("%4s", JobText.percent(fraction)) + "  " + JobText.tasks(job) + " tasks  " + job.status();
    }

    private void redraw(String line) {
        if (line.equals(lastLine)) {
            return;
        }
        String blank = " ".repeat(Math.max(0, lastLine.length() - line.length()));
        out.print("\r" + line + blank);
        out.flush();
        lastLine = line;
    }
}
