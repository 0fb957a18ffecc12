package io.colony.shell.internal.command;

import io.colony.api.job.JobHandle;
import io.colony.api.job.JobInfo;
import io.colony.api.job.JobRejectedException;
import io.colony.api.job.JobResult;
import io.colony.api.job.JobService;
import io.colony.api.job.JobSpec;
import io.colony.api.job.JobSpecCodec;
import io.colony.api.job.TaskResult;
import io.colony.api.plugin.Payload;
import io.colony.shell.internal.ExceptionText;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code colony:submit}: reads a job spec file, submits it to this node's manager, prints the job's id
 * and, unless told not to wait, shows its progress until it ends and then its result: text and JSON
 * printed, other results written to a file. A job that does not succeed makes the command fail with
 * its error. Stopping the wait (timeout, Ctrl-C) leaves the job running and says so.
 */
final class SubmitCommand {

    /** The largest job spec file read; a spec carries its input, so it may be large, but not unbounded. */
    static final long MAX_SPEC_BYTES = InputPayloads.MAX_FILE_BYTES;
    /** How often the progress is read while waiting. */
    static final Duration POLL_INTERVAL = Duration.ofMillis(250);

    private final JobService jobs;
    private final JobSpecCodec codec;
    private final Duration pollInterval;

    SubmitCommand(JobService jobs, JobSpecCodec codec, Duration pollInterval) {
        this.jobs = jobs;
        this.codec = codec;
        this.pollInterval = pollInterval;
    }

    /**
     * @param workingDirectory where the spec file and --output are resolved and binary results written
     * @param out receives the job's id and its result
     * @param progress receives the progress and how long the job took, apart from the result
     * @param terminal whether {@code progress} is a terminal (one line redrawn) or not (a line per 10%)
     * @throws IllegalArgumentException for a file that cannot be read or a spec that is not valid
     * @throws IllegalStateException when the manager refuses the job, the job does not succeed, or the wait ends first
     */
    void execute(SubmitArguments arguments, Path workingDirectory, PrintStream out, PrintStream progress, boolean terminal) {
        UserFiles.Named file = UserFiles.resolve(arguments.file(), workingDirectory);
        JobSpec spec = read(file);
        JobHandle handle = submit(spec, arguments.file());
        if (!arguments.await()) {
            out.println("job " + handle.id() + " submitted; colony:job " + handle.id() + " follows it");
            out.flush();
            return;
        }
        out.println("job " + handle.id() + " submitted");
        out.flush();
        long started = System.nanoTime();
        JobResult result = await(handle, arguments.timeout(), new JobProgress(handle.id(), progress, terminal));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        if (!result.succeeded()) {
            throw new IllegalStateException("colony:submit: job " + handle.id() + " " + result.status() + ": " + errorOf(result));
        }
        progress.println("colony:submit: job " + handle.id() + " succeeded in " + HumanFormat.duration(took));
        progress.flush();
        print(result, arguments.output(), workingDirectory, out);
    }

    private JobSpec read(UserFiles.Named file) {
        byte[] bytes;
        try {
            bytes = UserFiles.read(file, MAX_SPEC_BYTES);
        } catch (IllegalArgumentException e) {
            throw Usage.SUBMIT.problem(e.getMessage());
        }
        try {
            return codec.read(bytes);
        } catch (JobRejectedException e) {
            throw Usage.SUBMIT.problem(file.name() + ": " + fieldAndMessage(e));
        }
    }

    private JobHandle submit(JobSpec spec, String fileName) {
        try {
            return jobs.submit(spec);
        } catch (JobRejectedException e) {
            throw switch (e.reason()) {
                case INVALID -> Usage.SUBMIT.problem(fileName + ": " + fieldAndMessage(e));
                case FORBIDDEN -> new IllegalStateException("colony:submit: the trust policy forbids this job: " + fieldAndMessage(e));
                case OVERLOADED -> new IllegalStateException("colony:submit: the manager takes no more jobs now, try again later: "
                        + fieldAndMessage(e));
            };
        } catch (RuntimeException e) {
            throw new IllegalStateException("colony:submit: the manager did not take the job: " + ExceptionText.of(e));
        }
    }

    /** {@code <field>: <message>}, or the message alone when no one field is at fault. */
    static String fieldAndMessage(JobRejectedException rejected) {
        String message = ExceptionText.of(rejected);
        return rejected.field().isEmpty() ? message : rejected.field() + ": " + message;
    }

    /** Waits for the job's end, showing its progress; never kills the job. */
    private JobResult await(JobHandle handle, Optional<Duration> timeout, JobProgress progress) {
        long deadline = timeout.map(limit -> System.nanoTime() + limit.toNanos()).orElse(Long.MAX_VALUE);
        try {
            while (true) {
                jobs.job(handle.id()).ifPresent(progress::show);
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("colony:submit: timed out after " + HumanFormat.duration(timeout.orElseThrow())
                            + " " + stillRunning(handle.id()));
                }
                try {
                    JobResult result = handle.result().get(Math.min(left, pollInterval.toNanos()), TimeUnit.NANOSECONDS);
                    jobs.job(handle.id()).ifPresent(progress::show);
                    return result;
                } catch (TimeoutException e) {
                    // show the progress and wait on
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("colony:submit: interrupted " + stillRunning(handle.id()));
        } catch (ExecutionException e) {
            throw new IllegalStateException("colony:submit: lost track of job " + handle.id() + ": " + ExceptionText.of(e.getCause())
                    + "; colony:job " + handle.id() + " shows it");
        } finally {
            progress.end();
        }
    }

    private static String stillRunning(String jobId) {
        return "waiting for job " + jobId + ", which keeps running; colony:job " + jobId + " shows it, colony:kill " + jobId
                + " stops it";
    }

    /** The job's error, else the first task's error, so that a failure always says something. */
    static String errorOf(JobResult result) {
        if (result.error() != null && !result.error().isBlank()) {
            return result.error();
        }
        for (TaskResult task : result.tasks()) {
            if (task.error() != null && !task.error().isBlank()) {
                return "task " + task.index() + (task.worker() == null ? "" : " on " + task.worker()) + ": " + task.error();
            }
        }
        return "no reason given";
    }

    /** The job's id as a file name: ids are numbers, but a file name must never lead elsewhere. */
    static String fileNameOf(String jobId) {
        String name = jobId.replaceAll("[^A-Za-z0-9._-]", "_");
        return name.isEmpty() || name.startsWith(".") ? "job-" + name : name;
    }

    private void print(JobResult result, String output, Path workingDirectory, PrintStream out) {
        Payload payload = result.result();
        try {
            if (output != null) {
                Path file = ResultFiles.write(workingDirectory.resolve(output).normalize(), payload.bytes());
                out.println(ResultFiles.wrote(payload, file));
            } else if (payload.size() == 0) {
                out.println("job " + result.jobId() + " succeeded with an empty result");
            } else if (ResultFiles.printable(payload)) {
                ResultFiles.print(payload, out);
            } else {
                Path file = ResultFiles.writeNew(workingDirectory, fileNameOf(result.jobId()), payload.contentType(), payload.bytes());
                out.println(ResultFiles.wrote(payload, file));
            }
        } catch (IOException e) {
            throw new IllegalStateException("colony:submit: the result of job " + result.jobId() + " (" + payload.size() + " bytes, "
                    + payload.contentType() + ") could not be written: " + ExceptionText.of(e));
        }
        out.flush();
    }
}
