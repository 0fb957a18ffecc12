package io.colony.shell.internal.diagnostics;

import io.colony.shell.internal.ExceptionText;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns the failure text that the component runtime records for a component that could not be
 * activated (a printed stack trace in Felix SCR) into the messages of the exception and its causes.
 */
public final class FailureText {

    private static final Pattern FRAME = Pattern.compile("^\\s+(at |\\.\\.\\. \\d+ more)");
    private static final Pattern CAUSE = Pattern.compile("^Caused by: ");
    private static final Pattern SUPPRESSED = Pattern.compile("^\\s+Suppressed: ");
    private static final Pattern HEADER = Pattern.compile("^((?:[a-zA-Z_$][\\w$]*\\.)*[A-Z][\\w$]*)(?:: (.*))?$");

    private FailureText() {
    }

    /**
     * The messages in the failure text, outermost first, joined with ": "; the first line of the
     * text when it is not a stack trace; empty for a null or blank text.
     */
    public static String summary(String failure) {
        if (failure == null || failure.isBlank()) {
            return "";
        }
        List<StringBuilder> blocks = new ArrayList<>();
        StringBuilder current = null;
        boolean inSuppressed = false;
        for (String line : failure.strip().split("\\R")) {
            boolean causeLine = CAUSE.matcher(line).find();
            if (FRAME.matcher(line).find() || SUPPRESSED.matcher(line).find()) {
                inSuppressed |= SUPPRESSED.matcher(line).find();
                current = null;
            } else if (causeLine || blocks.isEmpty()) {
                inSuppressed = false;
                current = new StringBuilder(messageOf(causeLine ? line.substring("Caused by: ".length()) : line));
                blocks.add(current);
            } else if (current != null && !inSuppressed) {
                current.append('\n').append(line);
            }
        }
        List<String> messages = blocks.stream().map(StringBuilder::toString).toList();
        String joined = ExceptionText.join(messages);
        return joined.isEmpty() ? failure.strip().lines().findFirst().orElse("") : joined;
    }

    private static String messageOf(String header) {
        var matcher = HEADER.matcher(header.strip());
        if (matcher.matches()) {
            return matcher.group(2) == null ? "" : matcher.group(2);
        }
        return header.strip();
    }
}
