package io.colony.shell.internal.command;

import io.colony.api.job.WorkerInfo;
import io.colony.api.worker.PluginDescriptor;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** {@code colony:workers}: a table of the workers the manager schedules on. */
final class WorkersCommand {

    static final String NO_WORKERS = "this manager knows no workers: workers appear once they connect "
            + "(colony:nodes lists the nodes this node knows)";
    private static final List<String> HEADER = List.of("ID", "LOCAL", "STATE", "CORES", "LOAD", "SLOTS", "PLUGINS");

    private WorkersCommand() {
    }

    static void print(List<WorkerInfo> workers, PrintStream out) {
        if (workers.isEmpty()) {
            out.println(NO_WORKERS);
            out.flush();
            return;
        }
        TextTable table = new TextTable(HEADER);
        for (WorkerInfo worker : workers) {
            table.row(List.of(worker.id(), worker.local() ? "yes" : "no", worker.state().name().toLowerCase(Locale.ROOT),
                    worker.hardware().map(HumanFormat::cores).orElse(JobText.NONE),
                    worker.hardware().map(HumanFormat::load).orElse(JobText.NONE),
                    worker.running() + "/" + worker.slots(), plugins(worker.plugins())));
        }
        table.print(out);
        out.flush();
    }

    private static String plugins(List<PluginDescriptor> plugins) {
        return plugins.isEmpty() ? JobText.NONE
                : plugins.stream().map(plugin -> plugin.name() + " " + plugin.version()).collect(Collectors.joining(", "));
    }
}
