package io.colony.plugins.primes.internal;

import io.colony.api.plugin.ColonyPlugin;
import io.colony.api.plugin.JsonCodec;
import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.PluginException;
import io.colony.api.plugin.Reducer;
import io.colony.api.plugin.Splitter;
import io.colony.api.plugin.TaskContext;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * Counts the primes in {@code {"from": a, "to": b}} (inclusive) and answers
 * {@code {"from": a, "to": b, "count": n}}. As a job, the range is cut into contiguous chunks and
 * the chunk counts are summed.
 */
@Component(service = {Plugin.class, Splitter.class, Reducer.class})
@ColonyPlugin(name = "primes", version = "1.0.0",
        description = "Counts the primes in [from, to] with a segmented sieve of Eratosthenes")
public final class PrimesPlugin implements Plugin, Splitter, Reducer {

    @Override
    public Payload execute(Payload input, TaskContext context) throws PluginException {
        JsonCodec json = context.json();
        PrimeRange range = PrimeRange.decode(input, json).requireTaskSized();
        long count = SegmentedSieve.countPrimes(range.from(), range.to(), context);
        return json.encode(new PrimeCount(range.from(), range.to(), count));
    }

    @Override
    public List<Payload> split(Payload workload, int chunks, JsonCodec json) throws PluginException {
        List<Payload> payloads = new ArrayList<>();
        for (PrimeRange chunk : RangeSplitter.split(PrimeRange.decode(workload, json), chunks)) {
            payloads.add(json.encode(chunk.toJson()));
        }
        return payloads;
    }

    @Override
    public Payload reduce(Payload workload, List<Payload> results, JsonCodec json) throws PluginException {
        PrimeRange range = PrimeRange.decode(workload, json);
        List<PrimeCount> counts = new ArrayList<>(results.size());
        for (int index = 0; index < results.size(); index++) {
            try {
                counts.add(json.decode(results.get(index), PrimeCount.class));
            } catch (PluginException e) {
                throw new PluginException("results[" + index + "]: " + e.getMessage(), e);
            }
        }
        return json.encode(CountReducer.reduce(range, counts));
    }
}
