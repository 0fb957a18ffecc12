package io.colony.sandbox.corpus;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.PluginException;
import io.colony.api.source.CompilationException;
import io.colony.api.source.Diagnostic;
import io.colony.api.source.LimitExceededException;
import io.colony.api.source.VerificationException;
import io.colony.api.source.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * What the sandbox did with a program.
 *
 * @param stage where it was stopped
 * @param detail the limit ({@code WALL_TIME}), {@code PluginException}, {@code Cancelled}, or for {@link Stage#RAN} the result's text
 * @param message the message a user would read
 * @param parts the pieces of the reason to search (each violation, each diagnostic), the message among them
 * @param programClasses classes the program defined that reached the caller in the thrown exception, its causes or
 *     suppressed exceptions: the caller would run the program's code when it formats or logs the failure
 */
record ActualOutcome(Stage stage, String detail, String message, List<String> parts, List<String> programClasses) {

    ActualOutcome {
        message = message == null ? "" : message;
        parts = List.copyOf(parts);
        programClasses = List.copyOf(programClasses);
    }

    ActualOutcome(Stage stage, String detail, String message, List<String> parts) {
        this(stage, detail, message, parts, List.of());
    }

    static ActualOutcome refusedSource(IllegalArgumentException e) {
        return new ActualOutcome(Stage.SOURCE, "", e.getMessage(), List.of(String.valueOf(e.getMessage())));
    }

    static ActualOutcome of(CompilationException e) {
        List<String> parts = new ArrayList<>();
        parts.add(String.valueOf(e.getMessage()));
        e.diagnostics().stream().map(Diagnostic::toString).forEach(parts::add);
        return new ActualOutcome(Stage.COMPILE, "", e.getMessage(), parts);
    }

    static ActualOutcome of(VerificationException e) {
        List<String> parts = new ArrayList<>();
        e.violations().stream().map(Violation::toString).forEach(parts::add);
        return new ActualOutcome(Stage.VERIFY, "", e.getMessage(), parts);
    }

    static ActualOutcome of(LimitExceededException e) {
        return failedRun(e, e.limit().name());
    }

    static ActualOutcome of(PluginException e) {
        return failedRun(e, "PluginException");
    }

    static ActualOutcome cancelled(InterruptedException e) {
        return failedRun(e, "Cancelled");
    }

    /** The program's own classes are found before anything of them is called: their methods would run here. */
    private static ActualOutcome failedRun(Exception e, String detail) {
        List<String> programClasses = new ArrayList<>();
        collectProgramClasses(e, programClasses, 0);
        String message = isProgramClass(e.getClass()) ? "(not read: the exception is the program's own " + e.getClass().getName() + ")"
                : e.getMessage();
        return new ActualOutcome(Stage.RUN, detail, message, List.of(String.valueOf(message)), programClasses);
    }

    private static void collectProgramClasses(Throwable thrown, List<String> found, int depth) {
        if (thrown == null || depth > 20) {
            return;
        }
        if (isProgramClass(thrown.getClass())) {
            found.add(thrown.getClass().getName());
            return;
        }
        for (Throwable suppressed : thrown.getSuppressed()) {
            collectProgramClasses(suppressed, found, depth + 1);
        }
        collectProgramClasses(thrown.getCause(), found, depth + 1);
    }

    /** Defined by a loader other than the JDK's and the one of the tests and the API. */
    private static boolean isProgramClass(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        return loader != null && loader != ClassLoader.getPlatformClassLoader() && loader != ActualOutcome.class.getClassLoader();
    }

    /** The detail is the result's text; the message says its size and content type, shortened. */
    static ActualOutcome ran(Payload result) {
        if (result == null) {
            return new ActualOutcome(Stage.RAN, "null", "", List.of());
        }
        String type = result.contentType();
        String shownType = type.length() > 60 ? type.substring(0, 60) + "... (" + type.length() + " characters)" : type;
        return new ActualOutcome(Stage.RAN, result.asText(), "a result of " + result.size() + " bytes of " + shownType, List.of());
    }

    @Override
    public String toString() {
        return stage.configName() + (detail.isEmpty() ? "" : "/" + shortened(detail)) + (message.isEmpty() ? "" : ": " + shortened(message));
    }

    private static String shortened(String text) {
        return text.length() > 2000 ? text.substring(0, 2000) + "..." : text;
    }
}
