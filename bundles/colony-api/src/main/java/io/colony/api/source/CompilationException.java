package io.colony.api.source;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** A job's source did not compile; {@link #diagnostics()} says where and why. */
public final class CompilationException extends Exception {

    private static final long serialVersionUID = 1L;
    private static final int SHOWN = 5;

    private final transient List<Diagnostic> diagnostics;

    /** @param diagnostics the compiler's messages, at least one error among them */
    public CompilationException(List<Diagnostic> diagnostics) {
        super(summary(diagnostics));
        this.diagnostics = List.copyOf(diagnostics);
    }

    /** A failure of the compilation itself (no source position), for example a time limit. */
    public CompilationException(String message) {
        this(List.of(new Diagnostic("ERROR", "", 0, 0, message)));
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /**
     * The diagnostics of the first {@code CompilationException} in a failure's cause chain (a task that failed because
     * its source did not compile), or an empty list when there is none.
     */
    public static List<Diagnostic> diagnosticsOf(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof CompilationException compilation) {
                return compilation.diagnostics();
            }
        }
        return List.of();
    }

    private static String summary(List<Diagnostic> diagnostics) {
        List<Diagnostic> errors = diagnostics.stream().filter(d -> d.kind().equals("ERROR")).toList();
        List<Diagnostic> shown = errors.isEmpty() ? diagnostics : errors;
        String text = shown.stream().limit(SHOWN).map(Diagnostic::toString).collect(Collectors.joining("; "));
        int more = shown.size() - SHOWN;
        return "the source does not compile: " + text + (more > 0 ? "; and " + more + " more" : "");
    }
}
