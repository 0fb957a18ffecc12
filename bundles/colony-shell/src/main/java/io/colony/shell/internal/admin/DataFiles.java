package io.colony.shell.internal.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Writes small files under the data folder so that a reader never sees half a file. */
final class DataFiles {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private DataFiles() {
    }

    /** Writes the text to a temporary file beside the target and moves it into place atomically. */
    static void writeAtomically(Path target, String text) throws IOException {
        writeAtomically(target, text, false);
    }

    /** As {@link #writeAtomically(Path, String)}, readable and writable by the owner only where the file system has POSIX permissions. */
    static void writeOwnerOnly(Path target, String text) throws IOException {
        writeAtomically(target, text, true);
    }

    static boolean supportsPosix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    static boolean isOwnerOnly(Path file) throws IOException {
        return !supportsPosix() || OWNER_ONLY.containsAll(Files.getPosixFilePermissions(file));
    }

    private static void writeAtomically(Path target, String text, boolean ownerOnly) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        FileAttribute<?>[] attributes = ownerOnly && supportsPosix()
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
        Path temporary = Files.createTempFile(directory, "." + target.getFileName(), ".tmp", attributes);
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
