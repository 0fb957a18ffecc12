package io.colony.sandbox.internal.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** The child JVMs a test started, to check that each ended and left no directory behind. */
final class ChildProcesses {

    final List<ProcessHandle> started = new CopyOnWriteArrayList<>();

    void add(ProcessHandle child) {
        started.add(child);
    }

    ProcessHandle only() {
        assertEquals(1, started.size(), "children started: " + started);
        return started.get(0);
    }

    /** Every child is gone (not even a zombie: the worker reaped it). */
    void assertAllGone() {
        for (ProcessHandle child : started) {
            assertFalse(child.isAlive(), "child " + child.pid() + " still runs");
            assertFalse(Files.exists(Path.of("/proc/" + child.pid())), "child " + child.pid() + " was not reaped");
        }
    }

    /** Waits a little for every child to be gone, for those killed by a thread other than the test's. */
    void awaitAllGone(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (started.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertAllGone();
    }

    static void assertEmpty(Path directory) throws IOException {
        try (Stream<Path> left = Files.list(directory)) {
            assertEquals(List.of(), left.toList(), "left in " + directory);
        }
    }
}
