package io.colony.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeControlTest {

    @TempDir
    Path root;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final NodeControl control = new NodeControl(new PrintStream(stdout, true, StandardCharsets.UTF_8));

    private String out() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    @Test
    void stopWithoutARunningNodeSaysSoAndSucceeds() throws Exception {
        assertEquals(0, control.stop(new NodeHome(root), Duration.ofSeconds(1)));
        assertEquals("No node is running in " + root + "\n", out());
    }

    @Test
    void statusWithoutARunningNodeExitsWithThree() throws Exception {
        assertEquals(NodeControl.NOT_RUNNING, control.status(new NodeHome(root)));
        assertEquals("No node is running in " + root + "\n", out());
    }

    @Test
    void statusOfARunningNodeGivesPidAndPort() throws Exception {
        NodeHome home = new NodeHome(root);
        try (NodeLock lock = NodeLock.acquire(home)) {
            Files.writeString(home.portFile(), "40123\n");

            assertEquals(0, control.status(home));
        }
        assertEquals("Colony node in " + root + " is running (pid " + ProcessHandle.current().pid() + "), admin channel on 127.0.0.1:40123\n", out());
    }

    /** The lock is held by this test; the pid file names a stand-in process that SIGTERM ends. */
    @Test
    void stopSendsSigtermToTheNodesProcessAndWaitsForItsEnd() throws Exception {
        NodeHome home = new NodeHome(root);
        Process standIn = new ProcessBuilder("sleep", "60").start();
        try (NodeLock lock = NodeLock.acquire(home)) {
            Files.writeString(home.pidFile(), standIn.pid() + "\n");

            assertEquals(0, control.stop(home, Duration.ofSeconds(10)));

            assertFalse(standIn.isAlive());
            assertEquals("Colony node in " + root + " (pid " + standIn.pid() + ") stopped\n", out());
        } finally {
            standIn.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void stopThatTimesOutSaysSo() throws Exception {
        NodeHome home = new NodeHome(root);
        // a shell that ignores SIGTERM
        Process stubborn = new ProcessBuilder("sh", "-c", "trap '' TERM; sleep 60 & wait; sleep 60").start();
        try (NodeLock lock = NodeLock.acquire(home)) {
            Files.writeString(home.pidFile(), stubborn.pid() + "\n");

            LauncherException failure = assertThrows(LauncherException.class,
                    () -> control.stop(home, Duration.ofSeconds(1)));

            assertTrue(failure.getMessage().endsWith("(pid " + stubborn.pid() + ") did not stop within 1 s"), failure.getMessage());
        } finally {
            stubborn.descendants().forEach(ProcessHandle::destroyForcibly);
            stubborn.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
