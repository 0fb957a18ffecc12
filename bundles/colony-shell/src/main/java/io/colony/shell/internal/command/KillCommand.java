package io.colony.shell.internal.command;

import io.colony.api.job.JobInfo;
import io.colony.api.job.JobService;
import io.colony.api.job.JobStatus;
import java.io.PrintStream;

/** {@code colony:kill <id>}: kills a job that has not ended and says where it stands after. */
final class KillCommand {

    static final String REASON = "killed with colony:kill";

    private KillCommand() {
    }

    /** @throws IllegalArgumentException for a job the manager does not know */
    static void execute(JobService jobs, String id, PrintStream out) {
        JobInfo before = jobs.job(id).orElseThrow(() -> JobCommands.unknownJob(Usage.KILL, id));
        JobInfo after = before.status().isFinal()
                ? before
                : jobs.kill(id, REASON).orElseThrow(() -> JobCommands.unknownJob(Usage.KILL, id));
        if (after.status() == JobStatus.KILLED && !before.status().isFinal()) {
            out.println("job " + id + ": KILLED");
        } else if (after.status().isFinal()) {
            out.println("job " + id + " had already ended: " + after.status() + "; nothing to kill");
        } else {
            out.println("job " + id + ": " + after.status() + "; its tasks are being cancelled, colony:job " + id
                    + " shows when they stop");
        }
        out.flush();
    }
}
