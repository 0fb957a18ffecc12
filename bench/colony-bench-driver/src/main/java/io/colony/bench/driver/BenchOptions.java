package io.colony.bench.driver;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options of {@code bench:jobs}, as {@code key=value} words; every key has a default, and an
 * unknown key or a value that is not a positive number (or, for {@code durable}, true or false) is
 * refused with the reason. {@code durable=false} submits jobs that are kept in the manager's memory
 * only, never written to its job store.
 */
record BenchOptions(List<String> phases, int inflightJobs, int inflightWarm, int inflightLimit, int splitTasks, int splitWarm,
        int latencySamples, int latencyWarm, int poolOps, int poolWarm, Duration phaseLimit, boolean durable) {

    static final Set<String> PHASES = Set.of("inflight", "split", "latency", "pool");
    static final String USAGE = "bench:jobs [phases=inflight,split,latency,pool] [inflight.jobs=200000] [inflight.warm=20000]"
            + " [inflight.limit=1000] [split.tasks=100000] [split.warm=10000] [latency.samples=20000] [latency.warm=5000]"
            + " [pool.ops=5000] [pool.warm=500] [phase.seconds=50] [durable=true]";

    static BenchOptions parse(String... words) {
        Map<String, String> values = new HashMap<>();
        for (String word : words) {
            int equals = word.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("'" + word + "' is not key=value; usage: " + USAGE);
            }
            values.put(word.substring(0, equals), word.substring(equals + 1));
        }
        List<String> phases = List.of(values.getOrDefault("phases", "inflight,split,latency,pool").split(","));
        for (String phase : phases) {
            if (!PHASES.contains(phase)) {
                throw new IllegalArgumentException("phases: no phase '" + phase + "' (phases: " + PHASES + ")");
            }
        }
        Reader read = new Reader(values);
        BenchOptions options = new BenchOptions(phases, read.positive("inflight.jobs", 200_000), read.positive("inflight.warm", 20_000),
                read.positive("inflight.limit", 1_000), read.positive("split.tasks", 100_000), read.positive("split.warm", 10_000),
                read.positive("latency.samples", 20_000), read.positive("latency.warm", 5_000), read.positive("pool.ops", 5_000),
                read.positive("pool.warm", 500), Duration.ofSeconds(read.positive("phase.seconds", 50)), read.bool("durable", true));
        values.keySet().removeAll(read.known);
        values.remove("phases");
        if (!values.isEmpty()) {
            throw new IllegalArgumentException("unknown options " + values.keySet() + "; usage: " + USAGE);
        }
        return options;
    }

    private static final class Reader {
        private final Map<String, String> values;
        private final Set<String> known = new java.util.HashSet<>();

        Reader(Map<String, String> values) {
            this.values = values;
        }

        int positive(String key, int fallback) {
            known.add(key);
            String text = values.get(key);
            if (text == null) {
                return fallback;
            }
            try {
                int value = Integer.parseInt(text);
                if (value > 0) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(key + ": '" + text + "' is not a positive whole number");
        }

        boolean bool(String key, boolean fallback) {
            known.add(key);
            String text = values.get(key);
            if (text == null) {
                return fallback;
            }
            if (text.equals("true") || text.equals("false")) {
                return Boolean.parseBoolean(text);
            }
            throw new IllegalArgumentException(key + ": '" + text + "' is not true or false");
        }
    }
}
