package io.colony.sandbox.internal.process;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;

/** A fresh, empty directory for one child JVM (its working directory and temporary files), removed with its contents afterwards. */
final class RunDirectory implements AutoCloseable {

    private final Path path;

    private RunDirectory(Path path) {
        this.path = path;
    }

    /** A new directory below {@code base}, readable by this user only. */
    static RunDirectory create(Path base) throws IOException {
        Files.createDirectories(base);
        Path path = Files.createTempDirectory(base, "child-");
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the directory keeps the default permissions
        }
        Files.createDirectory(path.resolve("tmp"));
        return new RunDirectory(path);
    }

    Path path() {
        return path;
    }

    Path tmp() {
        return path.resolve("tmp");
    }

    /** Deletes the directory and everything in it; links are removed, never followed. */
    @Override
    public void close() throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
