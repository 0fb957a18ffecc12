package io.colony.shell.internal.command;

import io.colony.api.plugin.Payload;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * Where results that cannot be printed go: {@code colony:run} writes them to
 * {@code <data>/results/<plugin>-<yyyyMMdd-HHmmss>.<ext>}, {@code colony:submit} to {@code <job-id>.<ext>}
 * in the working directory; neither replaces a file that is there.
 */
final class ResultFiles {

    static final String DIRECTORY = "results";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);
    private static final int MAX_SAME_NAME = 1000;
    private static final Map<String, String> EXTENSIONS = Map.ofEntries(
            Map.entry("image/png", "png"),
            Map.entry("image/jpeg", "jpg"),
            Map.entry("image/gif", "gif"),
            Map.entry("image/webp", "webp"),
            Map.entry("image/svg+xml", "svg"),
            Map.entry("application/json", "json"),
            Map.entry("application/pdf", "pdf"),
            Map.entry("application/zip", "zip"),
            Map.entry("application/gzip", "gz"),
            Map.entry("text/csv", "csv"),
            Map.entry("text/html", "html"),
            Map.entry("text/plain", "txt"));

    private ResultFiles() {
    }

    /** The file name extension for a content type: {@code png} for {@code image/png}, {@code bin} when unknown. */
    static String extension(String contentType) {
        int semicolon = contentType.indexOf(';');
        String mediaType = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        String known = EXTENSIONS.get(mediaType);
        if (known != null) {
            return known;
        }
        if (mediaType.endsWith("+json")) {
            return "json";
        }
        return mediaType.startsWith("text/") ? "txt" : "bin";
    }

    static String defaultName(String plugin, String contentType, LocalDateTime time) {
        return baseName(plugin, time) + "." + extension(contentType);
    }

    private static String baseName(String plugin, LocalDateTime time) {
        return plugin + "-" + STAMP.format(time);
    }

    /** Writes to a new file of the default name in the folder, adding -2, -3, ... when the name is taken. */
    static Path writeNew(Path directory, String plugin, String contentType, LocalDateTime time, byte[] bytes) throws IOException {
        return writeNew(directory, baseName(plugin, time), contentType, bytes);
    }

    /** Writes to a new file {@code <baseName>.<ext>} in the folder, adding -2, -3, ... when the name is taken. */
    static Path writeNew(Path directory, String baseName, String contentType, byte[] bytes) throws IOException {
        Files.createDirectories(directory);
        String extension = "." + extension(contentType);
        for (int attempt = 1; attempt <= MAX_SAME_NAME; attempt++) {
            Path file = directory.resolve(baseName + (attempt == 1 ? "" : "-" + attempt) + extension);
            try {
                Files.write(file, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                return file;
            } catch (FileAlreadyExistsException e) {
                // try the next name
            }
        }
        throw new IOException("more than " + MAX_SAME_NAME + " results named " + baseName + extension + " in " + directory);
    }

    /** Writes to the given file, creating its folders and replacing an existing file. */
    static Path write(Path file, byte[] bytes) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(file, bytes);
        return file.toAbsolutePath();
    }

    /** Whether a result is printed rather than written to a file: text and JSON. */
    static boolean printable(Payload result) {
        return result.isJson() || result.isText();
    }

    /** Prints a text or JSON result, ending it with a line break when it has none. */
    static void print(Payload result, PrintStream out) {
        String text = result.asText();
        out.print(text);
        if (!text.endsWith("\n")) {
            out.println();
        }
    }

    /** What a command says after writing a result to a file. */
    static String wrote(Payload result, Path file) {
        return "wrote " + result.size() + " bytes (" + result.contentType() + ") to " + file.toAbsolutePath();
    }
}
