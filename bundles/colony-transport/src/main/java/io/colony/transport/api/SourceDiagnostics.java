package io.colony.transport.api;

import io.colony.api.source.Diagnostic;
import io.colony.transport.proto.SourceDiagnostic;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Converts a compiler's diagnostics between the shared API record and their wire message, within the same bounds on
 * both sides: a worker sends no more, and a manager takes no more from a peer it cannot trust to keep them.
 */
public final class SourceDiagnostics {

    /** The most diagnostics of one task; beyond, errors are kept first. */
    public static final int MAX_COUNT = 100;
    /** The longest message kept; a longer one is cut and ends in {@code ...}. */
    public static final int MAX_MESSAGE_CHARS = 2000;
    /** The longest file path kept (a job's source paths are far shorter). */
    public static final int MAX_FILE_CHARS = 500;

    private static final String ERROR = "ERROR";
    private static final String WARNING = "WARNING";
    private static final String NOTE = "NOTE";
    private static final String CUT = "...";

    private SourceDiagnostics() {
    }

    /** The diagnostics a worker sends, {@link #bounded}. */
    public static List<SourceDiagnostic> toProto(List<Diagnostic> diagnostics) {
        return bounded(diagnostics).stream().map(diagnostic -> SourceDiagnostic.newBuilder()
                .setKind(kindToProto(diagnostic.kind()))
                .setFile(diagnostic.file())
                .setLine(diagnostic.line())
                .setColumn(diagnostic.column())
                .setMessage(diagnostic.message())
                .build()).toList();
    }

    /**
     * The diagnostics a peer sent: the first {@value #MAX_COUNT}, {@link #bounded}; a kind this side does not know is
     * taken as a note, and a line or column beyond a Java {@code long} as unknown (0).
     */
    public static List<Diagnostic> fromProto(List<SourceDiagnostic> messages) {
        return bounded(messages.stream().limit(MAX_COUNT).map(message -> new Diagnostic(kindFromProto(message.getKind()), message.getFile(),
                Math.max(0, message.getLine()), Math.max(0, message.getColumn()), message.getMessage())).toList());
    }

    /**
     * At most {@value #MAX_COUNT} diagnostics in their order, the errors kept first when there are more; messages
     * cut to {@value #MAX_MESSAGE_CHARS} characters and file paths to {@value #MAX_FILE_CHARS}.
     */
    public static List<Diagnostic> bounded(List<Diagnostic> diagnostics) {
        Stream<Diagnostic> kept = diagnostics.stream();
        if (diagnostics.size() > MAX_COUNT) {
            Predicate<Diagnostic> error = diagnostic -> diagnostic.kind().equals(ERROR);
            kept = Stream.concat(diagnostics.stream().filter(error), diagnostics.stream().filter(error.negate())).limit(MAX_COUNT);
        }
        return kept.map(diagnostic -> new Diagnostic(diagnostic.kind(), cut(diagnostic.file(), MAX_FILE_CHARS),
                diagnostic.line(), diagnostic.column(), cut(diagnostic.message(), MAX_MESSAGE_CHARS))).toList();
    }

    private static String cut(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        int end = maxChars - CUT.length();
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + CUT;
    }

    private static SourceDiagnostic.Kind kindToProto(String kind) {
        switch (kind) {
            case ERROR:
                return SourceDiagnostic.Kind.ERROR;
            case WARNING:
                return SourceDiagnostic.Kind.WARNING;
            default:
                return SourceDiagnostic.Kind.NOTE;
        }
    }

    private static String kindFromProto(SourceDiagnostic.Kind kind) {
        switch (kind) {
            case ERROR:
                return ERROR;
            case WARNING:
                return WARNING;
            default:
                return NOTE;
        }
    }
}
