package io.colony.shell.internal.command;

import io.colony.api.job.JobInfo;
import io.colony.api.job.JobService;
import io.colony.api.job.JobSpecCodec;
import io.colony.api.job.TaskInfo;
import io.colony.api.node.NodeInfo;
import io.colony.shell.internal.diagnostics.ComponentDiagnostics;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

/**
 * The job commands of scope {@code colony}: submit, jobs, job, kill and workers. They talk to the
 * manager on this node; {@link JobService} and {@link JobSpecCodec} are there only on a node with the
 * manager role, so both are optional and a command says why when they are not.
 */
@Component(name = "io.colony.shell.jobs", service = JobCommands.class, property = {
        "osgi.command.scope=colony",
        "osgi.command.function=submit",
        "osgi.command.function=jobs",
        "osgi.command.function=job",
        "osgi.command.function=kill",
        "osgi.command.function=workers"})
public final class JobCommands {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile JobService jobService;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile JobSpecCodec specCodec;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile NodeInfo node;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile ServiceComponentRuntime componentRuntime;

    private final Availability availability;
    private final Clock clock;
    private final Duration pollInterval;

    @Activate
    public JobCommands() {
        this(Clock.systemDefaultZone(), SubmitCommand.POLL_INTERVAL);
    }

    JobCommands(Clock clock, Duration pollInterval) {
        this.clock = clock;
        this.pollInterval = pollInterval;
        this.availability = new Availability(() -> node, new ComponentDiagnostics(() -> componentRuntime));
    }

    @Descriptor("submits a job spec to this node's manager and waits for its result; colony:submit --help explains the options")
    public void submit(CommandSession session, @Descriptor("[options] <job.json>") String... args) {
        SubmitArguments arguments = SubmitArguments.parse(args);
        if (arguments.help()) {
            System.out.println(Usage.SUBMIT.text());
            return;
        }
        JobService jobs = manager(Usage.SUBMIT);
        JobSpecCodec codec = specCodec;
        if (codec == null) {
            throw new IllegalStateException(Usage.SUBMIT.command() + ": " + availability.whyNoManager(JobSpecCodec.class));
        }
        new SubmitCommand(jobs, codec, pollInterval).execute(arguments, session.currentDir(), System.out, System.err,
                Terminals.isTerminal(session, Terminals.STDERR));
    }

    @Descriptor("lists this manager's jobs, newest first; colony:jobs --help explains the arguments")
    public void jobs(@Descriptor("[<status>] [--limit N]") String... args) {
        JobsCommand.Query query = JobsCommand.parse(args);
        if (query.help()) {
            System.out.println(Usage.JOBS.text());
            return;
        }
        List<JobInfo> found = manager(Usage.JOBS).jobs(query.status().orElse(null), query.limit());
        JobsCommand.print(found, query, clock, System.out);
    }

    @Descriptor("shows a job and its tasks")
    public void job(@Descriptor("<id>") String... args) {
        Optional<String> id = jobId(Usage.JOB, args);
        if (id.isEmpty()) {
            return;
        }
        JobService jobs = manager(Usage.JOB);
        JobInfo job = jobs.job(id.get()).orElseThrow(() -> unknownJob(Usage.JOB, id.get()));
        List<TaskInfo> tasks = jobs.tasks(id.get()).orElse(List.of());
        JobCommand.print(job, tasks, clock, System.out);
    }

    @Descriptor("kills a job: drops its queued tasks and cancels its running ones")
    public void kill(@Descriptor("<id>") String... args) {
        Optional<String> id = jobId(Usage.KILL, args);
        if (id.isEmpty()) {
            return;
        }
        KillCommand.execute(manager(Usage.KILL), id.get(), System.out);
    }

    @Descriptor("lists the workers this manager schedules on: id, local, state, cores, load, slots in use, plugins")
    public void workers(String... args) {
        PrintStream out = System.out;
        if (Usage.WORKERS.helpOrNoArguments(args, out)) {
            return;
        }
        WorkersCommand.print(manager(Usage.WORKERS).workers(), out);
    }

    /** The job id argument, or empty after printing the usage for --help. */
    private static Optional<String> jobId(Usage usage, String[] args) {
        CommandLine line = CommandLine.parse(usage, args, Set.of(), Set.of());
        if (line.help()) {
            System.out.println(usage.text());
            return Optional.empty();
        }
        String id = line.single(usage, "<id>").strip();
        if (id.isEmpty()) {
            throw usage.error("<id> is empty");
        }
        return Optional.of(id);
    }

    private JobService manager(Usage command) {
        JobService current = jobService;
        if (current == null) {
            throw new IllegalStateException(command.command() + ": " + availability.whyNoManager(JobService.class));
        }
        return current;
    }

    static IllegalArgumentException unknownJob(Usage command, String id) {
        return command.problem("no job '" + id + "' on this manager (colony:jobs lists the jobs it knows; finished jobs are "
                + "forgotten after the retention period)");
    }
}
