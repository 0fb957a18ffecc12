package io.colony.worker.internal.command;

import io.colony.api.trust.Decision;
import io.colony.api.trust.Request;
import io.colony.api.trust.TrustPolicy;
import io.colony.api.worker.CommandExecutor;
import io.colony.api.worker.CommandResult;
import io.colony.api.worker.TaskFailedException;
import io.colony.api.worker.TaskFailedException.Reason;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.osgi.service.log.Logger;

/**
 * Runs shell commands ({@code /bin/sh -c <line>}), each only after the trust policy allowed it.
 * At most {@code maxCommands} run at once; one more is rejected rather than queued. Each command's
 * stdout and stderr are read concurrently by two threads of a bounded pool ({@code colony-command-*});
 * its exit is observed through {@link Process#onExit()}, its timeout on a timer thread.
 *
 * <p>A command that ends in any way but its own exit (timeout, cancellation, {@link #close()}) has
 * its process tree destroyed: the process and the descendants it had then are sent SIGTERM, and
 * whatever still lives {@link #KILL_GRACE} later is killed.
 */
final class CommandRunner implements CommandExecutor, AutoCloseable {

    static final String SHELL = "/bin/sh";
    static final Duration KILL_GRACE = Duration.ofSeconds(2);
    /** How long, after the process exited, its output may still take to reach end of stream (held open by a background child). */
    static final Duration DRAIN_GRACE = Duration.ofSeconds(2);
    static final int LOGGED_COMMAND_CHARS = 200;

    private final TrustPolicy trust;
    private final Path workingDirectory;
    private final int maxCommands;
    private final int outputLimit;
    private final Logger log;
    private final ThreadPoolExecutor readers;
    private final ScheduledThreadPoolExecutor timer;
    private final AtomicInteger running = new AtomicInteger();
    private final Set<RunningCommand> active = ConcurrentHashMap.newKeySet();
    private boolean closed;

    CommandRunner(TrustPolicy trust, Path workingDirectory, int maxCommands, Logger log) {
        this(trust, workingDirectory, maxCommands, CommandResult.MAX_OUTPUT_BYTES, log);
    }

    CommandRunner(TrustPolicy trust, Path workingDirectory, int maxCommands, int outputLimit, Logger log) {
        this.trust = Objects.requireNonNull(trust, "trust");
        this.workingDirectory = Objects.requireNonNull(workingDirectory, "workingDirectory");
        if (maxCommands < 1) {
            throw new IllegalArgumentException("maxCommands: must be at least 1, was " + maxCommands);
        }
        this.maxCommands = maxCommands;
        this.outputLimit = outputLimit;
        this.log = Objects.requireNonNull(log, "log");
        // Two readers per running command; the queue only absorbs readers still draining a pipe that a
        // background child of an exited command holds open.
        this.readers = new ThreadPoolExecutor(2 * maxCommands, 2 * maxCommands, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(2 * maxCommands), threads("colony-command-"), new ThreadPoolExecutor.AbortPolicy());
        this.readers.allowCoreThreadTimeOut(true);
        this.timer = new ScheduledThreadPoolExecutor(1, threads("colony-command-timer-"));
        this.timer.setRemoveOnCancelPolicy(true);
    }

    /** The default bound: two commands per core. */
    static int defaultMaxCommands() {
        return 2 * Runtime.getRuntime().availableProcessors();
    }

    int maxCommands() {
        return maxCommands;
    }

    /** Commands started and not yet ended. */
    int runningCommands() {
        return running.get();
    }

    @Override
    public CompletableFuture<CommandResult> run(String commandLine, Duration timeout) {
        Objects.requireNonNull(commandLine, "commandLine");
        Objects.requireNonNull(timeout, "timeout");
        if (commandLine.isBlank()) {
            throw new IllegalArgumentException("commandLine: a command is required");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout: must be positive, was " + timeout);
        }
        String quoted = quote(commandLine);
        Decision decision;
        try {
            decision = trust.check(new Request.RunCommand(commandLine));
        } catch (RuntimeException e) {
            log.error("The trust policy failed on command {}; the command is denied", quoted, e);
            return rejected("the trust policy could not decide: " + e);
        }
        if (decision == null || !decision.allowed()) {
            String reason = decision == null ? "the trust policy gave no decision" : decision.reason();
            log.warn("Command {} denied: {}", quoted, reason);
            return rejected(reason);
        }
        synchronized (this) {
            if (closed) {
                return rejected("the worker is stopping");
            }
            if (running.incrementAndGet() > maxCommands) {
                running.decrementAndGet();
                log.warn("Command {} rejected: the worker is running its maximum of {} commands", quoted, maxCommands);
                return rejected("the worker is running its maximum of " + maxCommands + " commands");
            }
        }
        RunningCommand command = new RunningCommand(commandLine, quoted);
        command.start(timeout);
        return command.result;
    }

    /**
     * Fails every running command as rejected ("the worker is stopping"), destroys their process
     * trees (killing whatever is still alive after {@link #KILL_GRACE}) and stops the threads.
     */
    @Override
    public void close() {
        List<RunningCommand> stopping;
        synchronized (this) {
            closed = true;
            stopping = new ArrayList<>(active);
        }
        List<ProcessHandle> doomed = new ArrayList<>();
        for (RunningCommand command : stopping) {
            doomed.addAll(command.destroyTree(false));
            command.result.completeExceptionally(new TaskFailedException(Reason.REJECTED, "the worker is stopping"));
        }
        long deadline = System.nanoTime() + KILL_GRACE.toNanos();
        for (ProcessHandle handle : doomed) {
            long left = deadline - System.nanoTime();
            try {
                if (left > 0) {
                    handle.onExit().get(left, TimeUnit.NANOSECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                // Still alive: killed below.
            }
        }
        doomed.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        timer.shutdownNow();
        readers.shutdownNow();
    }

    private static CompletableFuture<CommandResult> rejected(String reason) {
        return CompletableFuture.failedFuture(new TaskFailedException(Reason.REJECTED, reason));
    }

    /** The command line in double quotes, cut to {@value #LOGGED_COMMAND_CHARS} characters, one line. */
    static String quote(String commandLine) {
        String line = commandLine.replace("\r", "\\r").replace("\n", "\\n");
        if (line.length() > LOGGED_COMMAND_CHARS) {
            line = line.substring(0, LOGGED_COMMAND_CHARS) + "...";
        }
        return '"' + line + '"';
    }

    private static String format(Duration duration) {
        return duration.toMillis() + " ms";
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory defaults = Executors.defaultThreadFactory();
        return runnable -> {
            Thread thread = defaults.newThread(runnable);
            thread.setName(prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** One command from its start to the end of its future; the slot is given back when the future ends. */
    private final class RunningCommand {

        final String commandLine;
        final String quoted;
        final CompletableFuture<CommandResult> result = new CompletableFuture<>();
        final BoundedOutput stdout = new BoundedOutput(outputLimit);
        final BoundedOutput stderr = new BoundedOutput(outputLimit);
        final AtomicBoolean destroyed = new AtomicBoolean();
        volatile Process process;
        volatile ScheduledFuture<?> timeoutTask;
        long startNanos;

        RunningCommand(String commandLine, String quoted) {
            this.commandLine = commandLine;
            this.quoted = quoted;
        }

        void start(Duration timeout) {
            active.add(this);
            result.whenComplete((value, failure) -> ended(failure));
            ProcessBuilder builder = new ProcessBuilder(SHELL, "-c", commandLine)
                    .directory(workingDirectory.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            try {
                startNanos = System.nanoTime();
                process = builder.start();
            } catch (IOException | RuntimeException e) {
                log.error("Command {} could not be started in {}", quoted, workingDirectory, e);
                result.completeExceptionally(new TaskFailedException(Reason.REJECTED, "the command could not be started: " + e.getMessage(), e));
                return;
            }
            if (result.isDone()) {
                // Closed (or cancelled) while the process was starting: ended() ran before there was a process.
                destroyTree(true);
                return;
            }
            CompletableFuture<Void> outRead;
            CompletableFuture<Void> errRead;
            try {
                outRead = CompletableFuture.runAsync(() -> stdout.drain(process.getInputStream()), readers);
                errRead = CompletableFuture.runAsync(() -> stderr.drain(process.getErrorStream()), readers);
            } catch (RejectedExecutionException e) {
                result.completeExceptionally(new TaskFailedException(Reason.REJECTED,
                        "the worker is running its maximum of " + maxCommands + " commands"));
                return;
            }
            try {
                timeoutTask = timer.schedule(() -> timedOut(timeout), timeout.toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                result.completeExceptionally(new TaskFailedException(Reason.REJECTED, "the worker is stopping"));
                return;
            }
            process.onExit().whenComplete((exited, failure) -> exited(outRead, errRead));
        }

        private void exited(CompletableFuture<Void> outRead, CompletableFuture<Void> errRead) {
            Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
            Runnable finish = () -> finish(elapsed);
            CompletableFuture.allOf(outRead, errRead).whenComplete((ignored, failure) -> finish.run());
            try {
                timer.schedule(finish, DRAIN_GRACE.toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                // Stopping: the future has been failed already.
            }
        }

        private void finish(Duration elapsed) {
            if (result.isDone() || destroyed.get()) {
                // Destroyed on a timeout or on stopping: that failure, not this exit, is the outcome.
                return;
            }
            int exitCode = process.exitValue();
            CommandResult done = new CommandResult(exitCode, stdout.text(), stderr.text(), stdout.truncated(), stderr.truncated(), elapsed);
            // Logged before the result is handed over, so that whoever receives it also finds the line in the log.
            log.info("Command {} exited with code {} after {}", quoted, exitCode, format(elapsed));
            result.complete(done);
        }

        private void timedOut(Duration timeout) {
            if (result.isDone()) {
                return;
            }
            destroyTree(true);
            if (result.completeExceptionally(new TaskFailedException(Reason.TIMEOUT,
                    "the command ran longer than its timeout of " + format(timeout) + " and was destroyed"))) {
                log.warn("Command {} timed out after {}; its processes were destroyed", quoted, format(timeout));
            }
        }

        /** Any end of the future: give the slot back; an end before the process exited destroys its tree. */
        private void ended(Throwable failure) {
            active.remove(this);
            running.decrementAndGet();
            ScheduledFuture<?> timeoutTask = this.timeoutTask;
            if (timeoutTask != null) {
                timeoutTask.cancel(false);
            }
            if (failure != null && process != null && process.isAlive()) {
                destroyTree(true);
                log.info("Command {} ended before its process: {}; its processes were destroyed", quoted,
                        result.isCancelled() ? "cancelled" : String.valueOf(failure.getMessage()));
            }
        }

        /**
         * Sends SIGTERM to the process and the descendants it has now (taken before the process dies,
         * since its orphans would no longer be found), and, when asked to, kills those still alive
         * after the grace. The process goes first so that a shell cannot go on to its next command.
         *
         * @return the handles signalled
         */
        List<ProcessHandle> destroyTree(boolean scheduleKill) {
            Process process = this.process;
            if (process == null || !destroyed.compareAndSet(false, true)) {
                return List.of();
            }
            List<ProcessHandle> tree = new ArrayList<>();
            tree.add(process.toHandle());
            try {
                tree.addAll(process.descendants().toList());
            } catch (RuntimeException e) {
                log.warn("Could not list the processes started by command {}: {}", quoted, e.toString());
            }
            tree.forEach(ProcessHandle::destroy);
            if (scheduleKill) {
                try {
                    timer.schedule(() -> tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly),
                            KILL_GRACE.toNanos(), TimeUnit.NANOSECONDS);
                } catch (RejectedExecutionException e) {
                    tree.forEach(ProcessHandle::destroyForcibly);
                }
            }
            return tree;
        }
    }
}
