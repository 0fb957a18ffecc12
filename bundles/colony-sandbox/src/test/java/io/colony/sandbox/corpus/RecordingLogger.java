package io.colony.sandbox.corpus;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;

/** The task logger the tests hand to the sandbox: keeps every line ({@code LEVEL message}). */
final class RecordingLogger implements System.Logger {

    private final List<String> lines = new ArrayList<>();

    @Override
    public String getName() {
        return "task";
    }

    @Override
    public boolean isLoggable(Level level) {
        return level != Level.OFF;
    }

    /** The thrown's class is recorded, never its message: that would run the program's code on the caller's thread. */
    @Override
    public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
        add(level, message + (thrown == null ? "" : " [" + thrown.getClass().getName() + "]"));
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... parameters) {
        add(level, parameters == null || parameters.length == 0 ? format : MessageFormat.format(format, parameters));
    }

    private synchronized void add(Level level, String text) {
        if (isLoggable(level)) {
            lines.add(level.getName() + " " + text);
        }
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }
}
