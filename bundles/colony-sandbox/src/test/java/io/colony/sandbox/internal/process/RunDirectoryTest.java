package io.colony.sandbox.internal.process;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirectoryTest {

    @TempDir
    Path base;

    @Test
    void isCreatedEmptyWithATmpFolderAndRemovedWithItsContents() throws IOException {
        RunDirectory directory = RunDirectory.create(base);
        assertTrue(Files.isDirectory(directory.tmp()));
        Files.writeString(directory.tmp().resolve("a.txt"), "a");
        Files.createDirectories(directory.path().resolve("x/y"));
        Files.writeString(directory.path().resolve("x/y/b.txt"), "b");
        directory.close();
        assertFalse(Files.exists(directory.path()));
    }

    @Test
    void aLinkInsideIsRemovedWithoutTouchingItsTarget() throws IOException {
        Path outside = Files.createDirectories(base.resolve("outside"));
        Path kept = Files.writeString(outside.resolve("kept.txt"), "kept");
        RunDirectory directory = RunDirectory.create(base.resolve("children"));
        Files.createSymbolicLink(directory.path().resolve("link"), outside);
        directory.close();
        assertFalse(Files.exists(directory.path()));
        assertTrue(Files.exists(kept));
    }
}
