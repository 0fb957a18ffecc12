package io.colony.shell.internal.command;

import io.colony.api.plugin.JsonCodec;
import io.colony.api.plugin.Payload;
import io.colony.api.worker.LocalExecutor;
import io.colony.api.worker.PluginCatalog;
import io.colony.api.worker.PluginDescriptor;
import io.colony.api.worker.TaskFailedException;
import io.colony.api.worker.TaskRequest;
import io.colony.shell.internal.ExceptionText;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code colony:run}: runs a plugin on this node's worker, waits for the result and prints it, or
 * writes it to a file when it is binary or {@code --out} is given. Interrupting the command (the
 * console's Ctrl-C, the admin client going away) cancels the task.
 */
final class RunCommand {

    /** How long past the task's own timeout the command waits before it gives up on the worker. */
    static final Duration GRACE = Duration.ofSeconds(5);

    private final LocalExecutor executor;
    private final PluginCatalog catalog;
    private final JsonCodec json;
    private final Path resultsDirectory;
    private final Clock clock;

    /**
     * @param catalog the plugin catalog, or null when it is not available (the name is then checked by the worker)
     * @param json the worker's JSON codec, to check JSON input before a task is started
     * @param resultsDirectory where binary results go without --out
     */
    RunCommand(LocalExecutor executor, PluginCatalog catalog, JsonCodec json, Path resultsDirectory, Clock clock) {
        this.executor = executor;
        this.catalog = catalog;
        this.json = json;
        this.resultsDirectory = resultsDirectory;
        this.clock = clock;
    }

    /**
     * @param workingDirectory where relative {@code @input} and {@code --out} paths are resolved
     * @param out receives the result (or where a binary result was written)
     * @param err receives how long the job took, apart from the result so that scripts can keep it out
     * @throws IllegalArgumentException for wrong arguments or unusable input
     * @throws IllegalStateException when the task fails, times out or is interrupted
     */
    void execute(RunArguments arguments, Path workingDirectory, PrintStream out, PrintStream err) {
        Payload input;
        try {
            input = InputPayloads.parse(arguments.inputs(), workingDirectory, json);
        } catch (IllegalArgumentException e) {
            throw Usage.RUN.problem(e.getMessage());
        }
        checkPluginExists(arguments);
        TaskRequest request = new TaskRequest(arguments.plugin(), arguments.versionRange(), input, arguments.timeout());
        long started = System.nanoTime();
        CompletableFuture<Payload> future;
        try {
            future = arguments.split()
                    ? executor.runSplit(request, arguments.chunks(), progress -> { })
                    : executor.run(request, progress -> { });
        } catch (RuntimeException e) {
            throw failure(e);
        }
        Payload result = await(future, arguments.timeout());
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        print(arguments, result, workingDirectory, out);
        err.println("colony:run: " + arguments.plugin() + " took " + millis + " ms");
    }

    private void checkPluginExists(RunArguments arguments) {
        if (catalog == null) {
            return;
        }
        Optional<PluginDescriptor> plugin;
        try {
            plugin = catalog.find(arguments.plugin(), arguments.versionRange());
        } catch (IllegalArgumentException e) {
            throw Usage.RUN.error("--version: " + e.getMessage());
        }
        if (plugin.isEmpty()) {
            List<String> names = catalog.plugins().stream().map(PluginDescriptor::name).distinct().toList();
            String available = names.isEmpty()
                    ? "this node has no plugins; drop a plugin bundle into deploy/"
                    : "available: " + String.join(", ", names);
            String range = arguments.versionRange() == null ? "" : " in version range " + arguments.versionRange();
            throw new IllegalStateException("colony:run: unknown plugin: no plugin '" + arguments.plugin() + "'" + range
                    + " on this node (" + available + ")");
        }
    }

    static Payload await(CompletableFuture<Payload> future, Duration timeout) {
        return await(future, timeout, GRACE);
    }

    /** Waits for the worker's answer, cancelling the task when the wait is interrupted or lasts longer than timeout + grace. */
    static Payload await(CompletableFuture<Payload> future, Duration timeout, Duration grace) {
        try {
            return future.get(timeout.plus(grace).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("colony:run: interrupted; the task was cancelled");
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new IllegalStateException("colony:run: timed out: no result within " + HumanFormat.duration(timeout));
        } catch (CancellationException e) {
            throw new IllegalStateException("colony:run: cancelled");
        } catch (ExecutionException e) {
            throw failure(e.getCause());
        }
    }

    static IllegalStateException failure(Throwable cause) {
        Throwable failure = cause instanceof CompletionException && cause.getCause() != null ? cause.getCause() : cause;
        if (failure instanceof TaskFailedException taskFailed) {
            return new IllegalStateException("colony:run: " + inWords(taskFailed.reason()) + ": " + ExceptionText.of(taskFailed));
        }
        return new IllegalStateException("colony:run: failed: " + ExceptionText.of(failure));
    }

    static String inWords(TaskFailedException.Reason reason) {
        if (reason == null) {
            return "failed";
        }
        return switch (reason) {
            case UNKNOWN_PLUGIN -> "unknown plugin";
            case PLUGIN_ERROR -> "plugin failed";
            case TIMEOUT -> "timed out";
            case CANCELLED -> "cancelled";
            case REJECTED -> "rejected";
            case SETUP_FAILED -> "manifest not installed";
        };
    }

    private void print(RunArguments arguments, Payload result, Path workingDirectory, PrintStream out) {
        try {
            if (arguments.out() != null) {
                Path file = ResultFiles.write(workingDirectory.resolve(arguments.out()).normalize(), result.bytes());
                out.println(ResultFiles.wrote(result, file));
            } else if (ResultFiles.printable(result)) {
                ResultFiles.print(result, out);
            } else {
                Path file = ResultFiles.writeNew(resultsDirectory, arguments.plugin(), result.contentType(),
                        LocalDateTime.now(clock), result.bytes());
                out.println(ResultFiles.wrote(result, file));
            }
        } catch (IOException e) {
            throw new IllegalStateException("colony:run: the result (" + result.size() + " bytes, " + result.contentType()
                    + ") could not be written: " + ExceptionText.of(e));
        }
        out.flush();
    }
}
