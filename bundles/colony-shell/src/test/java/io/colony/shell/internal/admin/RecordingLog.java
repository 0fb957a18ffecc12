package io.colony.shell.internal.admin;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what the admin channel logs, level first: "WARN admin channel: ...". */
final class RecordingLog implements ChannelLog {

    final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public void info(String message) {
        lines.add("INFO " + message);
    }

    @Override
    public void warn(String message) {
        lines.add("WARN " + message);
    }

    @Override
    public void debug(String message) {
        lines.add("DEBUG " + message);
    }

    boolean contains(String level, String... parts) {
        return lines.stream().anyMatch(line -> line.startsWith(level + " ") && List.of(parts).stream().allMatch(line::contains));
    }
}
