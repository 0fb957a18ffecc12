package io.colony.sandbox.internal.process;

import java.util.List;

/** A child's last stderr lines as the end of a message. */
final class StderrText {

    private StderrText() {
    }

    static String of(List<String> lines) {
        List<String> shown = lines.stream().filter(line -> !line.isBlank()).toList();
        return shown.isEmpty() ? "" : "; its last output: " + String.join(" | ", shown);
    }
}
