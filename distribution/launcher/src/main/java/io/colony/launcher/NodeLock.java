package io.colony.launcher;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One node per home: a running node holds an exclusive lock on {@code data/colony.lock} and its pid
 * is in {@code data/colony.pid}. The lock, not the pid file, says whether a node runs: the operating
 * system releases it when the process dies, however it dies, so a stale pid file is harmless.
 */
final class NodeLock implements AutoCloseable {

    private final NodeHome home;
    private final FileChannel channel;
    private FileLock lock;

    private NodeLock(NodeHome home, FileChannel channel, FileLock lock) {
        this.home = home;
        this.channel = channel;
        this.lock = lock;
    }

    /** Locks the home for this process and writes its pid. */
    static NodeLock acquire(NodeHome home) throws LauncherException {
        FileChannel channel = null;
        try {
            Files.createDirectories(home.data());
            channel = FileChannel.open(home.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                throw new LauncherException("a node is already running in " + home.root() + " (" + new RunningNode(readPid(home)) + ")");
            }
            NodeLock nodeLock = new NodeLock(home, channel, lock);
            try {
                writePid(home, ProcessHandle.current().pid());
            } catch (IOException e) {
                nodeLock.close();
                throw new LauncherException("cannot write " + home.pidFile(), e);
            }
            return nodeLock;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new LauncherException("cannot lock " + home.lockFile(), e);
        }
    }

    /**
     * A node that holds a home's lock. Its pid is unknown only in the instant between taking the lock
     * and writing the pid file.
     */
    record RunningNode(OptionalLong pid) {

        @Override
        public String toString() {
            return pid.isPresent() ? "pid " + pid.getAsLong() : "pid unknown";
        }
    }

    /** The node running in the home, or empty when none runs there. */
    static Optional<RunningNode> running(NodeHome home) throws LauncherException {
        if (!Files.isRegularFile(home.lockFile())) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(home.lockFile(), StandardOpenOption.WRITE)) {
            FileLock lock = tryLock(channel);
            if (lock != null) {
                lock.release();
                return Optional.empty();
            }
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new LauncherException("cannot check the lock " + home.lockFile(), e);
        }
        return Optional.of(new RunningNode(readPid(home)));
    }

    /** Releases the lock and removes the pid file; safe to call more than once and from several threads. */
    @Override
    public synchronized void close() {
        if (lock == null) {
            return;
        }
        try {
            Files.deleteIfExists(home.pidFile());
        } catch (IOException e) {
            // the lock is what counts; a leftover pid file is ignored by the next start
        }
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel below releases it as well
        }
        lock = null;
        closeQuietly(channel);
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static OptionalLong readPid(NodeHome home) {
        try {
            return OptionalLong.of(Long.parseLong(Files.readString(home.pidFile(), StandardCharsets.US_ASCII).trim()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static void writePid(NodeHome home, long pid) throws IOException {
        Path temporary = Files.createTempFile(home.data(), NodeHome.PID_FILE, ".tmp");
        Files.writeString(temporary, pid + "\n", StandardCharsets.US_ASCII);
        Files.move(temporary, home.pidFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing left to release
            }
        }
    }
}
