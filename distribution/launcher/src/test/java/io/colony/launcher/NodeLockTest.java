package io.colony.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeLockTest {

    private static final long OWN_PID = ProcessHandle.current().pid();

    @TempDir
    Path root;

    @Test
    void lockWritesThePidFile() throws Exception {
        NodeHome home = new NodeHome(root);

        try (NodeLock lock = NodeLock.acquire(home)) {
            assertEquals(OWN_PID + "\n", Files.readString(home.pidFile()));
        }
    }

    @Test
    void secondStartOnTheSameHomeFailsNamingThePid() throws Exception {
        NodeHome home = new NodeHome(root);

        try (NodeLock lock = NodeLock.acquire(home)) {
            LauncherException failure = assertThrows(LauncherException.class, () -> NodeLock.acquire(home));

            assertEquals("a node is already running in " + root + " (pid " + OWN_PID + ")", failure.getMessage());
        }
    }

    @Test
    void runningNodeIsSeenWithItsPid() throws Exception {
        NodeHome home = new NodeHome(root);

        try (NodeLock lock = NodeLock.acquire(home)) {
            assertEquals(Optional.of(new NodeLock.RunningNode(OptionalLong.of(OWN_PID))), NodeLock.running(home));
        }
    }

    @Test
    void closingReleasesTheLockAndRemovesThePidFile() throws Exception {
        NodeHome home = new NodeHome(root);

        NodeLock.acquire(home).close();

        assertTrue(Files.notExists(home.pidFile()));
        assertEquals(Optional.empty(), NodeLock.running(home));
        NodeLock.acquire(home).close();
    }

    @Test
    void closingTwiceIsHarmless() throws Exception {
        NodeLock lock = NodeLock.acquire(new NodeHome(root));

        lock.close();
        lock.close();
    }

    @Test
    void stalePidFileWithoutALockMeansNoNodeRuns() throws Exception {
        NodeHome home = new NodeHome(root);
        Files.createDirectories(home.data());
        Files.writeString(home.pidFile(), "999999\n");
        Files.createFile(home.lockFile());

        assertEquals(Optional.empty(), NodeLock.running(home));
        try (NodeLock lock = NodeLock.acquire(home)) {
            assertEquals(OWN_PID + "\n", Files.readString(home.pidFile()));
        }
    }

    @Test
    void homeThatNeverRanHasNoNode() throws Exception {
        assertEquals(Optional.empty(), NodeLock.running(new NodeHome(root.resolve("fresh"))));
    }
}
