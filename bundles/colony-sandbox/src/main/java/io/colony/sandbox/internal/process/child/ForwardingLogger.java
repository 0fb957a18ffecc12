package io.colony.sandbox.internal.process.child;

import io.colony.sandbox.internal.process.protocol.FrameWriter;
import io.colony.sandbox.internal.process.protocol.LogLine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.util.ResourceBundle;

/** The program's logger in a child JVM: each line goes to the worker as a LOG frame. */
final class ForwardingLogger implements System.Logger {

    private final String name;
    private final FrameWriter parent;

    ForwardingLogger(String name, FrameWriter parent) {
        this.name = name;
        this.parent = parent;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public boolean isLoggable(Level level) {
        return level != Level.OFF;
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
        send(level, String.valueOf(message) + (thrown == null ? "" : ": " + thrown));
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        send(level, params == null || params.length == 0 ? String.valueOf(format) : MessageFormat.format(String.valueOf(format), params));
    }

    private void send(Level level, String text) {
        if (!isLoggable(level)) {
            return;
        }
        try {
            parent.write(new LogLine(level, text).toFrame());
        } catch (IOException e) {
            throw new UncheckedIOException("the worker no longer reads this child's log", e);
        }
    }
}
