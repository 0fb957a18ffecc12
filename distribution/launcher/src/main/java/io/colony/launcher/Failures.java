package io.colony.launcher;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Set;

/** Turns an exception into one line: its message followed by the messages of its causes. */
final class Failures {

    private Failures() {
    }

    static String describe(Throwable failure) {
        Set<String> messages = new LinkedHashSet<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable current = failure; current != null && seen.add(current); current = current.getCause()) {
            String message = current.getMessage();
            messages.add(message == null || message.isBlank() ? current.getClass().getSimpleName() : message);
        }
        return String.join(": ", messages);
    }
}
