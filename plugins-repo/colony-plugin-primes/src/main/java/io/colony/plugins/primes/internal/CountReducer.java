package io.colony.plugins.primes.internal;

import io.colony.api.plugin.PluginException;
import java.util.List;

/** Sums chunk counts after checking that the chunks cover the workload, in order, without gaps. */
final class CountReducer {

    private CountReducer() {
    }

    static PrimeCount reduce(PrimeRange workload, List<PrimeCount> counts) throws PluginException {
        if (counts.isEmpty()) {
            throw new PluginException("results: no chunk results to combine");
        }
        long expectedFrom = workload.from();
        long total = 0;
        for (int index = 0; index < counts.size(); index++) {
            PrimeCount chunk = counts.get(index);
            String field = "results[" + index + "]";
            if (chunk == null) {
                throw new PluginException(field + ": is null");
            }
            if (chunk.from() != expectedFrom) {
                throw new PluginException(field + ".from: expected " + expectedFrom
                        + " so that the chunks are contiguous, got " + chunk.from());
            }
            if (chunk.to() < chunk.from() || chunk.to() > workload.to()) {
                throw new PluginException(field + ".to: must lie in [" + chunk.from() + ", " + workload.to()
                        + "], got " + chunk.to());
            }
            if (chunk.count() < 0 || chunk.count() > chunk.to() - chunk.from() + 1) {
                throw new PluginException(field + ".count: impossible for [" + chunk.from() + ", " + chunk.to()
                        + "], got " + chunk.count());
            }
            total += chunk.count();
            expectedFrom = chunk.to() + 1;
        }
        if (expectedFrom != workload.to() + 1) {
            throw new PluginException("results: the chunks end at " + (expectedFrom - 1) + " but the workload at "
                    + workload.to());
        }
        return new PrimeCount(workload.from(), workload.to(), total);
    }
}
