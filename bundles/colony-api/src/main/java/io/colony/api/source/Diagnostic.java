package io.colony.api.source;

import java.util.Objects;

/**
 * One message of the compiler about a job's source.
 *
 * @param kind {@code ERROR}, {@code WARNING} or {@code NOTE}
 * @param file the source path as in {@link SourceCode#files()}, or empty when the message concerns no file
 * @param line 1-based line, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 * @param message the compiler's message
 */
public record Diagnostic(String kind, String file, long line, long column, String message) {

    public Diagnostic {
        Objects.requireNonNull(kind, "kind");
        file = file == null ? "" : file;
        Objects.requireNonNull(message, "message");
    }

    /** {@code demo/Squares.java:12:5: error: ';' expected}, the compiler's usual form. */
    @Override
    public String toString() {
        return (file.isEmpty() ? "" : file + ":" + line + ":" + column + ": ") + kind.toLowerCase(java.util.Locale.ROOT) + ": " + message;
    }
}
