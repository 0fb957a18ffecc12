package io.colony.shell.internal.command;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a file a user named on the command line, relative to the shell's working directory, within a size limit. */
final class UserFiles {

    private UserFiles() {
    }

    /** A file as the user named it and where that is. */
    record Named(String name, Path file) {

        /** The name as given, with the absolute path in parentheses when the name is relative: {@code job.json (/srv/job.json)}. */
        String where() {
            return name + (Path.of(name).isAbsolute() ? "" : " (" + file + ")");
        }
    }

    static Named resolve(String name, Path workingDirectory) {
        return new Named(name, workingDirectory.resolve(name).toAbsolutePath().normalize());
    }

    /**
     * @throws IllegalArgumentException {@code <where>: <reason>}: no such file, a directory, permission
     *     denied, larger than the limit, or another read error
     */
    static byte[] read(Named named, long maxBytes) {
        String where = named.where();
        try {
            if (Files.isDirectory(named.file())) {
                throw new IllegalArgumentException(where + " is a directory, not a file");
            }
            long size = Files.size(named.file());
            if (size > maxBytes) {
                throw new IllegalArgumentException(where + " has " + HumanFormat.bytes(size)
                        + ", more than the limit of " + HumanFormat.bytes(maxBytes));
            }
            return Files.readAllBytes(named.file());
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(where + ": no such file");
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException(where + ": permission denied");
        } catch (IOException e) {
            throw new IllegalArgumentException(where + ": cannot be read: " + e.getMessage());
        }
    }
}
