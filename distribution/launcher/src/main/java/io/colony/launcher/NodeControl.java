package io.colony.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** {@code stop} and {@code status}: act on the node running in a home, found through its lock. */
final class NodeControl {

    static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(15);

    /** Exit status of {@code status} when no node runs (as LSB init scripts do). */
    static final int NOT_RUNNING = 3;

    private final PrintStream out;

    NodeControl(PrintStream out) {
        this.out = out;
    }

    /** Sends SIGTERM to the node and waits for its process to end. No node running is not an error. */
    int stop(NodeHome home, Duration timeout) throws LauncherException {
        Optional<NodeLock.RunningNode> running = NodeLock.running(home);
        if (running.isEmpty()) {
            out.println("No node is running in " + home.root());
            return 0;
        }
        long pid = running.get().pid()
                .orElseThrow(() -> new LauncherException("a node is starting in " + home.root() + " but has not written its pid yet; try again"));
        ProcessHandle process = ProcessHandle.of(pid)
                .orElseThrow(() -> new LauncherException("the node in " + home.root() + " (pid " + pid + ") holds its lock but is not visible to this user"));
        if (!process.destroy()) {
            throw new LauncherException("cannot send SIGTERM to the node in " + home.root() + " (pid " + pid + ")");
        }
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new LauncherException("the node in " + home.root() + " (pid " + pid + ") did not stop within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new LauncherException("cannot wait for the node (pid " + pid + ") to stop", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted while waiting for the node (pid " + pid + ") to stop", e);
        }
        out.println("Colony node in " + home.root() + " (pid " + pid + ") stopped");
        return 0;
    }

    int status(NodeHome home) throws LauncherException {
        Optional<NodeLock.RunningNode> running = NodeLock.running(home);
        if (running.isEmpty()) {
            out.println("No node is running in " + home.root());
            return NOT_RUNNING;
        }
        out.println("Colony node in " + home.root() + " is running (" + running.get() + "), " + adminChannel(home));
        return 0;
    }

    private static String adminChannel(NodeHome home) {
        try {
            return "admin channel on 127.0.0.1:" + Files.readString(home.portFile(), StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            return "admin channel not open yet";
        }
    }
}
