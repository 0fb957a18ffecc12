package io.colony.shell.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Says what went wrong in words: an exception's message followed by its causes' messages, never a
 * stack trace. A cause whose message its wrapper already repeats is left out, and so is the class
 * name that {@code new RuntimeException(cause)} puts in front of a message.
 */
public final class ExceptionText {

    private static final int MAX_CAUSES = 16;
    private static final Pattern CLASS_NAME_PREFIX =
            Pattern.compile("^(?:[a-zA-Z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error|Throwable): ");

    private ExceptionText() {
    }

    /** The message of the exception and its causes, joined with ": ". */
    public static String of(Throwable error) {
        List<String> messages = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable current = error; current != null && seen.add(current) && seen.size() <= MAX_CAUSES;
                current = current.getCause()) {
            messages.add(current.getMessage());
        }
        String joined = join(messages);
        return joined.isEmpty() ? error.getClass().getName() : joined;
    }

    /**
     * Joins the messages of a chain of exceptions, outermost first: blank messages and messages
     * already contained in the text so far are skipped.
     */
    public static String join(List<String> messages) {
        StringBuilder text = new StringBuilder();
        for (String message : messages) {
            if (message == null) {
                continue;
            }
            String cleaned = stripClassName(message.strip());
            if (cleaned.isEmpty() || text.indexOf(cleaned) >= 0) {
                continue;
            }
            if (text.length() > 0) {
                text.append(": ");
            }
            text.append(cleaned);
        }
        return text.toString();
    }

    static String stripClassName(String message) {
        String stripped = message;
        while (CLASS_NAME_PREFIX.matcher(stripped).find()) {
            stripped = CLASS_NAME_PREFIX.matcher(stripped).replaceFirst("");
        }
        return stripped;
    }
}
