package io.colony.plugins.bench.internal;

import io.colony.api.plugin.ColonyPlugin;
import io.colony.api.plugin.JsonCodec;
import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.PluginException;
import io.colony.api.plugin.Reducer;
import io.colony.api.plugin.Splitter;
import io.colony.api.plugin.TaskContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * The benchmarks' plugin. A task returns its input unchanged, so that an empty input is an empty
 * task and a 1 KiB input a 1 KiB round trip. As a job, the workload {@code {"tasks": N, "bytes": B}}
 * is cut into N chunks of B bytes each, and the reducer checks that N results of B bytes came back
 * and answers {@code {"tasks": N, "bytes": <total>}}.
 */
@Component(service = {Plugin.class, Splitter.class, Reducer.class})
@ColonyPlugin(name = "echo", version = "1.0.0",
        description = "Returns its input; splits {\"tasks\": N, \"bytes\": B} into N chunks of B bytes (benchmarks)")
public final class EchoPlugin implements Plugin, Splitter, Reducer {

    @Override
    public Payload execute(Payload input, TaskContext context) {
        return input;
    }

    @Override
    public List<Payload> split(Payload workload, int chunks, JsonCodec json) throws PluginException {
        Workload work = Workload.decode(workload, json);
        if (chunks < work.tasks()) {
            throw new PluginException("tasks: " + work.tasks() + " tasks need \"chunks\" of at least " + work.tasks()
                    + ", got " + chunks);
        }
        return Collections.nCopies(work.tasks(), work.chunk());
    }

    @Override
    public Payload reduce(Payload workload, List<Payload> results, JsonCodec json) throws PluginException {
        Workload work = Workload.decode(workload, json);
        if (results.size() != work.tasks()) {
            throw new PluginException("expected " + work.tasks() + " results, got " + results.size());
        }
        long total = 0;
        for (int index = 0; index < results.size(); index++) {
            int size = results.get(index).size();
            if (size != work.bytes()) {
                throw new PluginException("results[" + index + "]: expected " + work.bytes() + " bytes, got " + size);
            }
            total += size;
        }
        return json.encode(new WorkloadJson((long) work.tasks(), total));
    }

    /** A validated workload: {@code 1 <= tasks <= MAX_TASKS}, {@code 0 <= bytes}, at most MAX_TOTAL_BYTES in all. */
    record Workload(int tasks, int bytes) {

        static final int MAX_TASKS = 100_000;

        /** The chunks travel back from the splitting worker in one transport frame (16 MiB by default). */
        static final long MAX_TOTAL_BYTES = 8L << 20;

        static Workload decode(Payload payload, JsonCodec json) throws PluginException {
            WorkloadJson input = json.decode(payload, WorkloadJson.class);
            if (input == null) {
                throw new PluginException("input: must be a JSON object {\"tasks\": <number>, \"bytes\": <number>}, got null");
            }
            if (input.tasks() == null) {
                throw new PluginException("tasks: required");
            }
            if (input.tasks() < 1 || input.tasks() > MAX_TASKS) {
                throw new PluginException("tasks: must be from 1 to " + MAX_TASKS + ", was " + input.tasks());
            }
            long bytes = input.bytes() == null ? 0 : input.bytes();
            if (bytes < 0 || bytes * input.tasks() > MAX_TOTAL_BYTES) {
                throw new PluginException("bytes: must be >= 0 and tasks * bytes at most " + MAX_TOTAL_BYTES + ", was "
                        + bytes + " (tasks=" + input.tasks() + ")");
            }
            return new Workload(input.tasks().intValue(), (int) bytes);
        }

        /** A chunk: {@code bytes} bytes of a repeating pattern, binary. */
        Payload chunk() {
            if (bytes == 0) {
                return Payload.empty();
            }
            byte[] data = new byte[bytes];
            for (int index = 0; index < data.length; index++) {
                data[index] = (byte) index;
            }
            return Payload.of(data, Payload.BINARY);
        }
    }
}
