package io.colony.shell.internal.command;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** Where {@code colony:run} writes a result that cannot be printed: {@code <data>/results/<plugin>-<yyyyMMdd-HHmmss>.<ext>}. */
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
        return plugin + "-" + STAMP.format(time) + "." + extension(contentType);
    }

    /** Writes to a new file of the default name in the folder, adding -2, -3, ... when the name is taken. */
    static Path writeNew(Path directory, String plugin, String contentType, LocalDateTime time, byte[] bytes) throws IOException {
        Files.createDirectories(directory);
        String name = defaultName(plugin, contentType, time);
        int dot = name.lastIndexOf('.');
        for (int attempt = 1; attempt <= MAX_SAME_NAME; attempt++) {
            Path file = directory.resolve(attempt == 1 ? name : name.substring(0, dot) + "-" + attempt + name.substring(dot));
            try {
                Files.write(file, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                return file;
            } catch (FileAlreadyExistsException e) {
                // try the next name
            }
        }
        throw new IOException("more than " + MAX_SAME_NAME + " results named " + name + " in " + directory);
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
}
