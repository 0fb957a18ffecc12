package io.colony.transport.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Collects log lines so tests can check what a node reported. */
final class TestLog implements TransportLog {

    private final String node;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    TestLog(String node) {
        this.node = node;
    }

    @Override
    public void debug(String message) {
        lines.add("DEBUG " + message);
    }

    @Override
    public void info(String message) {
        lines.add("INFO " + message);
    }

    @Override
    public void warn(String message) {
        lines.add("WARN " + message);
        System.err.println("[" + node + "] WARN " + message);
    }

    boolean contains(String text) {
        return lines.stream().anyMatch(line -> line.contains(text));
    }

    long count(String text) {
        return lines.stream().filter(line -> line.contains(text)).count();
    }

    @Override
    public String toString() {
        return String.join("\n", lines);
    }
}
