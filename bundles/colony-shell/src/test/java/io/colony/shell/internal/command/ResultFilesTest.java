package io.colony.shell.internal.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultFilesTest {

    private static final LocalDateTime NOON = LocalDateTime.of(2025, 3, 7, 12, 4, 5);

    @TempDir
    Path directory;

    @Test
    void namesAResultAfterThePluginTheTimeAndTheContentType() {
        assertEquals("mandelbrot-20250307-120405.png", ResultFiles.defaultName("mandelbrot", "image/png", NOON));
    }

    @Test
    void choosesTheExtensionByMediaType() {
        assertEquals("png", ResultFiles.extension("image/png"));
        assertEquals("jpg", ResultFiles.extension("IMAGE/JPEG"));
        assertEquals("json", ResultFiles.extension("application/json; charset=utf-8"));
        assertEquals("json", ResultFiles.extension("application/geo+json"));
        assertEquals("txt", ResultFiles.extension("text/plain; charset=utf-8"));
        assertEquals("txt", ResultFiles.extension("text/x-log"));
        assertEquals("bin", ResultFiles.extension("application/octet-stream"));
    }

    @Test
    void writesANewFileAndNumbersTheNextOneOfTheSameSecond() throws IOException {
        Path results = directory.resolve("data/results");
        Path first = ResultFiles.writeNew(results, "mandelbrot", "image/png", NOON, new byte[] {1});
        Path second = ResultFiles.writeNew(results, "mandelbrot", "image/png", NOON, new byte[] {2});
        assertEquals(results.resolve("mandelbrot-20250307-120405.png"), first);
        assertEquals(results.resolve("mandelbrot-20250307-120405-2.png"), second);
        assertArrayEquals(new byte[] {1}, Files.readAllBytes(first));
        assertArrayEquals(new byte[] {2}, Files.readAllBytes(second));
    }

    @Test
    void writesAChosenFileCreatingItsFoldersAndReplacingAnOldOne() throws IOException {
        Path target = directory.resolve("deep/er/tile.png");
        ResultFiles.write(target, new byte[] {1, 2, 3});
        assertEquals(target, ResultFiles.write(target, new byte[] {4}));
        assertArrayEquals(new byte[] {4}, Files.readAllBytes(target));
    }
}
