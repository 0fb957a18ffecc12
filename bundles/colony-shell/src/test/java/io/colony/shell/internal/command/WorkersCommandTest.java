package io.colony.shell.internal.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.colony.api.cluster.MemberState;
import io.colony.api.job.WorkerInfo;
import io.colony.api.worker.PluginDescriptor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorkersCommandTest {

    static WorkerInfo worker(String id, boolean local, MemberState state, int slots, int running, String... plugins) {
        List<PluginDescriptor> descriptors = java.util.Arrays.stream(plugins)
                .map(name -> new PluginDescriptor(name, "1.0.0", "", "io.colony.plugins." + name + " 1.0.0", 7, true)).toList();
        return new WorkerInfo(id, local ? "127.0.0.1" : "10.0.0.7", local ? 0 : 40123, local, state, NodesCommandTest.NOW,
                local ? Optional.of(NodesCommandTest.hardware(4, 8, 1.5, 0.3, 1L << 30, 8L << 30)) : Optional.empty(), Map.of(),
                descriptors, slots, running);
    }

    private static String print(List<WorkerInfo> workers) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        WorkersCommand.print(workers, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void listsEachWorkerWithItsStateHardwareSlotsAndPlugins() {
        assertEquals("""
                ID     LOCAL  STATE        CORES  LOAD  SLOTS  PLUGINS
                alpha  yes    available    4/8    1.50  1/4    mandelbrot 1.0.0, primes 1.0.0
                beta   no     unavailable  -      -     0/2    -
                """, print(List.of(worker("alpha", true, MemberState.AVAILABLE, 4, 1, "mandelbrot", "primes"),
                worker("beta", false, MemberState.UNAVAILABLE, 2, 0))));
    }

    @Test
    void saysHowWorkersAppearWhenThereAreNone() {
        assertEquals(WorkersCommand.NO_WORKERS + "\n", print(List.of()));
    }
}
