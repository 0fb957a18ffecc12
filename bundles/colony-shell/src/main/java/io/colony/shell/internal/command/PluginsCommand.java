package io.colony.shell.internal.command;

import io.colony.api.worker.PluginDescriptor;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** {@code colony:plugins}: a table of the plugins on this node. */
final class PluginsCommand {

    static final String NO_PLUGINS = "no plugins on this node; drop a plugin bundle into deploy/";
    private static final List<String> HEADER = List.of("NAME", "VERSION", "SPLITTABLE", "BUNDLE", "DESCRIPTION");

    private PluginsCommand() {
    }

    static void print(List<PluginDescriptor> plugins, PrintStream out) {
        if (plugins.isEmpty()) {
            out.println(NO_PLUGINS);
            out.flush();
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (PluginDescriptor plugin : plugins) {
            rows.add(List.of(plugin.name(), plugin.version(), plugin.splittable() ? "yes" : "no", plugin.bundle(),
                    plugin.description().replaceAll("\\s+", " ").strip()));
        }
        int[] widths = new int[HEADER.size()];
        for (List<String> row : rows) {
            for (int column = 0; column < widths.length; column++) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int column = 0; column < widths.length; column++) {
                String cell = row.get(column);
                line.append(cell);
                if (column < widths.length - 1) {
                    line.append(" ".repeat(widths[column] - cell.length() + 2));
                }
            }
            out.println(line.toString().stripTrailing());
        }
        out.flush();
    }
}
