package io.colony.worker.internal.remote;

import io.colony.api.deploy.Manifest;
import io.colony.api.deploy.MavenRepository;
import io.colony.api.job.JobSpec;
import io.colony.api.plugin.Payload;
import io.colony.api.source.SourceCode;
import io.colony.api.worker.TaskRequest;
import io.colony.transport.proto.Chunk;
import io.colony.transport.proto.RunTask;
import io.colony.transport.proto.RunTask.Phase;
import io.colony.worker.internal.PluginRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link RunTask} from the network, checked field by field: what to run, on what, for how long.
 * Exactly one of {@code plugin} and {@code command} is set; for a source task, {@code plugin} is its entry class.
 *
 * @param versionRange the plugin's OSGi version range, or {@code null} for its newest version
 * @param chunks for {@link Phase#SPLIT}: how many chunks to ask the splitter for
 * @param parts for {@link Phase#REDUCE}: the chunk results, in order
 * @param manifest where to get the plugin's bundles (topology 2), or {@code null}
 * @param source Java source to compile and run in the sandbox (topology 3), or {@code null}
 */
record TaskOrder(AttemptKey key, Phase phase, String plugin, String versionRange, String command, Payload input,
        Duration timeout, int chunks, List<Payload> parts, Manifest manifest, SourceCode source) {

    /** The most characters of a job id or a version range (they end up in log lines and messages). */
    static final int MAX_TEXT = 200;
    /** The longest timeout a task may ask for; anything longer is a mistake, not a plan. */
    static final Duration MAX_TIMEOUT = Duration.ofDays(30);

    /** A RunTask that cannot be run as sent; the message names every field at fault and why. */
    static final class InvalidTaskException extends Exception {

        private static final long serialVersionUID = 1L;

        InvalidTaskException(String message) {
            super(message);
        }
    }

    boolean isCommand() {
        return command != null;
    }

    /** The request for the local executor; only for a plugin or source task. */
    TaskRequest request() {
        return source != null ? TaskRequest.source(source, input, timeout) : new TaskRequest(plugin, versionRange, input, timeout, manifest);
    }

    /** What the task is, for log lines and messages: {@code plugin primes [1,2) (SPLIT)} or {@code a command}. */
    String describe() {
        if (isCommand()) {
            return "a command";
        }
        return source != null ? "source " + plugin : "plugin " + plugin + (versionRange == null ? "" : " " + versionRange)
                + (manifest == null ? "" : " from its manifest") + " (" + phase + ")";
    }

    /**
     * Checks a RunTask sent by a node.
     *
     * @throws InvalidTaskException naming every field that is missing or out of range
     */
    static TaskOrder parse(String nodeId, RunTask task) throws InvalidTaskException {
        List<String> problems = new ArrayList<>();
        if (task.getJobId().isBlank()) {
            problems.add("job_id: missing");
        } else if (!isPlainText(task.getJobId())) {
            problems.add("job_id: must be at most " + MAX_TEXT + " characters without control characters");
        }
        if (task.getAttempt() == 0) {
            problems.add("attempt: missing (attempts count from 1)");
        }
        Phase phase = task.getPhase();
        if (phase == Phase.UNRECOGNIZED) {
            problems.add("phase: unknown value " + task.getPhaseValue());
        }
        String plugin = null;
        String versionRange = null;
        String command = null;
        Manifest manifest = null;
        SourceCode source = null;
        switch (task.getWorkCase()) {
            case PLUGIN -> {
                plugin = task.getPlugin().getName().trim();
                versionRange = task.getPlugin().getVersionRange().isBlank() ? null : task.getPlugin().getVersionRange().trim();
                if (plugin.isEmpty()) {
                    problems.add("plugin.name: missing");
                } else if (!PluginRegistry.isPluginName(plugin)) {
                    problems.add("plugin.name: not a plugin name (1 to 128 letters, digits, '.', '_' or '-')");
                }
                if (versionRange != null && !isPlainText(versionRange)) {
                    problems.add("plugin.version_range: must be at most " + MAX_TEXT + " characters without control characters");
                }
                if (task.getPlugin().hasManifest()) {
                    manifest = manifest(task.getPlugin().getManifest(), problems);
                }
            }
            case COMMAND -> {
                command = task.getCommand();
                if (command.isBlank()) {
                    problems.add("command: the command line is empty");
                }
                if (phase != Phase.EXECUTE) {
                    problems.add("phase: a command can only be executed, not used for " + phase);
                }
            }
            case SOURCE -> {
                try {
                    source = new SourceCode(task.getSource().getFilesMap(), task.getSource().getEntryClass());
                    plugin = source.entryClass();
                } catch (IllegalArgumentException e) {
                    problems.add(e.getMessage());
                }
                if (phase != Phase.EXECUTE) {
                    problems.add("phase: source can only be executed, not used for " + phase);
                }
            }
            case WORK_NOT_SET -> problems.add("work: missing (neither a plugin nor a command)");
        }
        Duration timeout = timeout(task.getTimeoutMillis(), problems);
        int chunks = task.getChunks();
        if (phase == Phase.SPLIT && (chunks < 1 || chunks > JobSpec.MAX_CHUNKS)) {
            problems.add("chunks: must be from 1 to " + JobSpec.MAX_CHUNKS + " to split, was " + Integer.toUnsignedString(chunks));
        }
        if (phase == Phase.REDUCE && task.getPartsCount() == 0) {
            problems.add("parts: missing (REDUCE needs the chunk results)");
        }
        Payload input = task.hasInput() ? payload("input", task.getInput(), problems) : Payload.empty();
        List<Payload> parts = new ArrayList<>(task.getPartsCount());
        for (int index = 0; index < task.getPartsCount(); index++) {
            parts.add(payload("parts[" + index + "]", task.getParts(index), problems));
        }
        if (!problems.isEmpty()) {
            throw new InvalidTaskException(String.join("; ", problems));
        }
        return new TaskOrder(new AttemptKey(nodeId, task.getJobId(), task.getTaskIndex(), task.getAttempt()), phase, plugin,
                versionRange, command, input, timeout, chunks, List.copyOf(parts), manifest, source);
    }

    private static Manifest manifest(io.colony.transport.proto.Manifest sent, List<String> problems) {
        try {
            List<MavenRepository> repositories = new ArrayList<>(sent.getRepositoriesCount());
            for (int index = 0; index < sent.getRepositoriesCount(); index++) {
                io.colony.transport.proto.MavenRepository repository = sent.getRepositories(index);
                try {
                    repositories.add(new MavenRepository(repository.getId(), repository.getUrl()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("repositories[" + index + "]." + e.getMessage(), e);
                }
            }
            return new Manifest(sent.getBundlesList(), repositories, !sent.getKeepWhenDone());
        } catch (IllegalArgumentException e) {
            problems.add("plugin.manifest." + e.getMessage());
            return null;
        }
    }

    private static boolean isPlainText(String text) {
        return text.length() <= MAX_TEXT && text.chars().noneMatch(Character::isISOControl);
    }

    private static Duration timeout(long millis, List<String> problems) {
        if (millis == 0) {
            problems.add("timeout_millis: missing (0); give how long the task may run, at most " + MAX_TIMEOUT.toDays() + " days");
            return null;
        }
        if (millis < 0 || millis > MAX_TIMEOUT.toMillis()) {
            problems.add("timeout_millis: " + Long.toUnsignedString(millis) + " ms is more than the most a task may run, "
                    + MAX_TIMEOUT.toDays() + " days (" + MAX_TIMEOUT.toMillis() + " ms)");
            return null;
        }
        return Duration.ofMillis(millis);
    }

    private static Payload payload(String field, Chunk chunk, List<String> problems) {
        try {
            return Payloads.of(chunk);
        } catch (IllegalArgumentException e) {
            problems.add(field + ".content_type: " + e.getMessage());
            return null;
        }
    }
}
