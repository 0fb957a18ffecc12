package io.colony.api.job;

import io.colony.api.plugin.Payload;
import java.time.Duration;
import java.util.Objects;

/**
 * What a client asks the manager to run. Its JSON form is documented in {@code docs/jobs.md}; build
 * one in Java with {@link #plugin(String)} or {@link #command(String)}.
 *
 * @param work the plugin or command each task runs
 * @param input the input of the task (or of each task of a pool), or the workload to split
 * @param chunks 0 to run the input whole; otherwise how many chunks to ask the plugin's splitter for
 * @param targets where the tasks may run
 * @param strategy how a worker is picked among the eligible ones
 * @param result what to do with the result
 * @param taskTimeout how long one attempt of a task may run
 * @param retries how many times a failed or lost task is sent again (0 to never)
 * @param priority higher runs first among queued tasks
 * @param durable true (the default): the job is written to the manager's job store, so it survives a restart of the
 *     manager and its result is kept for the retention period; false: the job lives in the manager's memory only (as an
 *     executor's task does): nothing of it is written, a restart of the manager loses it, and its result is kept for the
 *     retention period only among the manager's most recent ended in-memory jobs ({@code memory.jobs.max})
 */
public record JobSpec(Work work, Payload input, int chunks, Targets targets, Strategy strategy, ResultAction result,
        Duration taskTimeout, int retries, int priority, boolean durable) {

    public static final Duration DEFAULT_TASK_TIMEOUT = Duration.ofMinutes(10);
    public static final int DEFAULT_RETRIES = 2;
    /** The most chunks one job may be split into. */
    public static final int MAX_CHUNKS = 100_000;
    /** The most retries a task may be given. */
    public static final int MAX_RETRIES = 100;

    public JobSpec {
        Objects.requireNonNull(work, "work");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(targets, "targets");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(taskTimeout, "taskTimeout");
        if (chunks < 0 || chunks > MAX_CHUNKS) {
            throw new IllegalArgumentException("chunks: must be from 0 to " + MAX_CHUNKS + ", was " + chunks);
        }
        if (chunks > 0 && work instanceof Work.CommandWork) {
            throw new IllegalArgumentException("chunks: a command cannot be split; name the workers to run it on");
        }
        if (chunks > 0 && work instanceof Work.SourceWork) {
            throw new IllegalArgumentException("chunks: a source job cannot be split (the manager never runs a job's source); "
                    + "submit one job per chunk, or name the workers for a pool");
        }
        if (taskTimeout.isNegative() || taskTimeout.isZero()) {
            throw new IllegalArgumentException("taskTimeout: must be positive, was " + taskTimeout);
        }
        if (retries < 0 || retries > MAX_RETRIES) {
            throw new IllegalArgumentException("retries: must be from 0 to " + MAX_RETRIES + ", was " + retries);
        }
        if (!durable && result instanceof ResultAction.Keep) {
            throw new IllegalArgumentException("durable: a job whose result is kept until it is deleted must be durable");
        }
    }

    /** A durable job: as written before {@code durable} was added. */
    public JobSpec(Work work, Payload input, int chunks, Targets targets, Strategy strategy, ResultAction result,
            Duration taskTimeout, int retries, int priority) {
        this(work, input, chunks, targets, strategy, result, taskTimeout, retries, priority, true);
    }

    /** Whether the input is a workload cut into chunks by the plugin's splitter. */
    public boolean isSplit() {
        return chunks > 0;
    }

    /** A builder for a job running the newest version of a plugin. */
    public static Builder plugin(String name) {
        return new Builder(new Work.PluginWork(name, null));
    }

    /** A builder for a job running a plugin whose version is in the range. */
    public static Builder plugin(String name, String versionRange) {
        return new Builder(new Work.PluginWork(name, versionRange));
    }

    /**
     * A builder for a job whose plugin the workers install from Maven repositories as the manifest
     * says (topology 2), if their trust policies allow it.
     */
    public static Builder plugin(String name, String versionRange, io.colony.api.deploy.Manifest manifest) {
        return new Builder(new Work.PluginWork(name, versionRange, java.util.Objects.requireNonNull(manifest, "manifest")));
    }

    /**
     * A builder for a job whose Java source the workers compile and run in their sandboxes (topology 3), if their
     * trust policies allow it.
     */
    public static Builder source(io.colony.api.source.SourceCode source) {
        return new Builder(new Work.SourceWork(source));
    }

    /** A builder for a command job (targets default to any one worker; name workers for a pool). */
    public static Builder command(String commandLine) {
        return new Builder(new Work.CommandWork(commandLine));
    }

    /** A builder starting from this spec. */
    public Builder toBuilder() {
        Builder builder = new Builder(work);
        builder.input = input;
        builder.chunks = chunks;
        builder.targets = targets;
        builder.strategy = strategy;
        builder.result = result;
        builder.taskTimeout = taskTimeout;
        builder.retries = retries;
        builder.priority = priority;
        builder.durable = durable;
        return builder;
    }

    /** Builds a {@link JobSpec}; every setter has a default. */
    public static final class Builder {
        private final Work work;
        private Payload input = Payload.empty();
        private int chunks;
        private Targets targets = Targets.any();
        private Strategy strategy = Strategy.ROUND_ROBIN;
        private ResultAction result = new ResultAction.Return();
        private Duration taskTimeout = DEFAULT_TASK_TIMEOUT;
        private int retries = DEFAULT_RETRIES;
        private int priority;
        private boolean durable = true;

        private Builder(Work work) {
            this.work = work;
        }

        /** The input of the task, or of each task of a pool. */
        public Builder input(Payload value) {
            this.input = Objects.requireNonNull(value, "input");
            this.chunks = 0;
            return this;
        }

        /** A workload the plugin's splitter cuts into (at most) that many chunks. */
        public Builder split(Payload workload, int chunkCount) {
            this.input = Objects.requireNonNull(workload, "workload");
            this.chunks = chunkCount;
            return this;
        }

        public Builder targets(Targets value) {
            this.targets = Objects.requireNonNull(value, "targets");
            return this;
        }

        public Builder strategy(Strategy value) {
            this.strategy = Objects.requireNonNull(value, "strategy");
            return this;
        }

        public Builder result(ResultAction value) {
            this.result = Objects.requireNonNull(value, "result");
            return this;
        }

        public Builder taskTimeout(Duration value) {
            this.taskTimeout = value;
            return this;
        }

        public Builder retries(int value) {
            this.retries = value;
            return this;
        }

        public Builder priority(int value) {
            this.priority = value;
            return this;
        }

        /** False: the job is kept in the manager's memory only, never written to its job store (see {@link JobSpec}). */
        public Builder durable(boolean value) {
            this.durable = value;
            return this;
        }

        /** @throws IllegalArgumentException naming the field that is not valid */
        public JobSpec build() {
            return new JobSpec(work, input, chunks, targets, strategy, result, taskTimeout, retries, priority, durable);
        }
    }
}
