package io.colony.shell.internal.command;

import io.colony.api.worker.PluginDescriptor;
import java.io.PrintStream;
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
        TextTable table = new TextTable(HEADER);
        for (PluginDescriptor plugin : plugins) {
            table.row(List.of(plugin.name(), plugin.version(), plugin.splittable() ? "yes" : "no", plugin.bundle(),
                    plugin.description().replaceAll("\\s+", " ").strip()));
        }
        table.print(out);
        out.flush();
    }
}
