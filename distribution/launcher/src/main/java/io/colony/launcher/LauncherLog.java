package io.colony.launcher;

import java.io.PrintStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The launcher's own messages while a node runs (framework start and stop, bundles that fail):
 * timestamped lines on stderr, which a background node sends to {@code log/console.out}. Bundles log
 * through pax-logging to {@code log/colony.log}.
 */
final class LauncherLog {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss,SSS");

    private final PrintStream err;

    LauncherLog(PrintStream err) {
        this.err = err;
    }

    void info(String message) {
        write("INFO ", message);
    }

    void warn(String message) {
        write("WARN ", message);
    }

    void error(String message) {
        write("ERROR", message);
    }

    private void write(String level, String message) {
        err.println(LocalDateTime.now().format(TIMESTAMP) + " " + level + " [colony-launcher] " + message);
        err.flush();
    }
}
