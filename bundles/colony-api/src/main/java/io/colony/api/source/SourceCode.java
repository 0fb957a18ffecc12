package io.colony.api.source;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The Java source of a job: one or more compilation units and the class that implements
 * {@link io.colony.api.plugin.Plugin}.
 *
 * @param files the compilation units by path ({@code demo/Squares.java}), a path being Java identifiers
 *     separated by {@code /} and ending in {@code .java}; kept sorted by path
 * @param entryClass the binary name of the plugin class ({@code demo.Squares}), which must be public, have
 *     a public constructor without arguments and implement {@link io.colony.api.plugin.Plugin}
 */
public record SourceCode(Map<String, String> files, String entryClass) {

    /** The most compilation units a job may carry. */
    public static final int MAX_FILES = 64;
    /** The most bytes (UTF-8) of all compilation units together. */
    public static final int MAX_TOTAL_BYTES = 1 << 20;

    private static final String IDENTIFIER = "[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*";
    private static final Pattern PATH = Pattern.compile(IDENTIFIER + "(/" + IDENTIFIER + ")*\\.java");
    private static final Pattern BINARY_NAME = Pattern.compile(IDENTIFIER + "(\\." + IDENTIFIER + ")*");

    /** @throws IllegalArgumentException naming the field ({@code source.files}, {@code source.entryClass}) and the reason */
    public SourceCode {
        Objects.requireNonNull(files, "files");
        if (files.isEmpty()) {
            throw new IllegalArgumentException("source.files: at least one .java file is required");
        }
        if (files.size() > MAX_FILES) {
            throw new IllegalArgumentException("source.files: at most " + MAX_FILES + " files are allowed, got " + files.size());
        }
        long bytes = 0;
        TreeMap<String, String> sorted = new TreeMap<>();
        for (Map.Entry<String, String> file : files.entrySet()) {
            String path = file.getKey();
            if (path == null || !PATH.matcher(path).matches()) {
                throw new IllegalArgumentException("source.files: '" + path
                        + "' is not a source path (Java identifiers separated by '/', ending in .java, e.g. demo/Squares.java)");
            }
            if (file.getValue() == null) {
                throw new IllegalArgumentException("source.files." + path + ": the source text is missing");
            }
            bytes += file.getValue().getBytes(StandardCharsets.UTF_8).length;
            sorted.put(path, file.getValue());
        }
        if (bytes > MAX_TOTAL_BYTES) {
            throw new IllegalArgumentException("source.files: " + bytes + " bytes of source; at most " + MAX_TOTAL_BYTES + " are allowed");
        }
        files = Collections.unmodifiableMap(sorted);
        if (entryClass == null || !BINARY_NAME.matcher(entryClass).matches()) {
            throw new IllegalArgumentException("source.entryClass: '" + entryClass + "' is not a class name such as demo.Squares");
        }
    }

    /** One compilation unit. */
    public static SourceCode of(String path, String text, String entryClass) {
        return new SourceCode(Map.of(path, text), entryClass);
    }
}
