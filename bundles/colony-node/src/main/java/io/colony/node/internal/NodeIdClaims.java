package io.colony.node.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Node ids in use on this host, as lock files held by the running nodes, so that several nodes on one
 * host get different ids. A lock dies with its process, so a killed node never leaves its id taken.
 */
final class NodeIdClaims {

    /** A held id; closing it (or the process ending) frees the id. */
    interface Claim extends AutoCloseable {
        @Override
        void close();
    }

    private final Path directory;

    NodeIdClaims(Path directory) {
        this.directory = directory;
    }

    /** The claims of this user's nodes on this host. */
    static NodeIdClaims forThisHost() {
        return new NodeIdClaims(Path.of(System.getProperty("java.io.tmpdir"), "colony-node-ids-" + System.getProperty("user.name", "user")));
    }

    /** Claims the id, or answers empty when a running node holds it (or claims cannot be kept here). */
    Optional<Claim> claim(String id) {
        FileChannel channel = null;
        try {
            Files.createDirectories(directory);
            channel = FileChannel.open(directory.resolve(id + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            FileChannel held = channel;
            return Optional.of(() -> {
                try {
                    held.close();
                } catch (IOException e) {
                    // the lock goes with the channel either way
                }
            });
        } catch (IOException | OverlappingFileLockException e) {
            closeQuietly(channel);
            return Optional.empty();
        }
    }

    /** Whether claims can be kept at all (a writable directory); without them ids are not made unique. */
    boolean usable() {
        try {
            Files.createDirectories(directory);
            return Files.isWritable(directory);
        } catch (IOException e) {
            return false;
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing held
            }
        }
    }
}
