package io.colony.bench.driver;

import io.colony.api.job.JobService;
import java.io.PrintStream;
import org.apache.felix.service.command.CommandSession;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The Gogo command {@code bench:jobs}: runs the jobs benchmark in this manager, printing each line as it comes. */
@Component(service = JobsBenchCommand.class, property = {"osgi.command.scope=bench", "osgi.command.function=jobs"})
public final class JobsBenchCommand {

    private final JobService jobs;

    @Activate
    public JobsBenchCommand(@Reference JobService jobs) {
        this.jobs = jobs;
    }

    public void jobs(CommandSession session, String... options) throws InterruptedException {
        PrintStream console = session.getConsole();
        BenchOptions parsed;
        try {
            parsed = BenchOptions.parse(options);
        } catch (IllegalArgumentException e) {
            console.println("bench:jobs: " + e.getMessage());
            return;
        }
        try {
            new JobsBench(jobs, parsed, line -> {
                console.println(line);
                console.flush();
            }).run();
        } catch (IllegalStateException e) {
            console.println("bench:jobs stopped: " + e.getMessage());
        }
    }
}
