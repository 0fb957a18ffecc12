package io.colony.worker.internal;

import io.colony.api.plugin.JsonCodec;
import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.PluginException;
import io.colony.api.plugin.Reducer;
import io.colony.api.plugin.Splitter;
import io.colony.api.plugin.TaskContext;
import io.colony.api.worker.PluginDescriptor;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import org.osgi.framework.Version;
import org.osgi.service.log.Logger;

/** Plugins, a plugin lookup and a logger for tests that run the worker without a framework. */
final class TestPlugins implements PluginLookup {

    private final List<RegisteredPlugin> plugins = new ArrayList<>();

    TestPlugins with(String name, String version, Plugin plugin) {
        boolean splittable = plugin instanceof Splitter && plugin instanceof Reducer;
        plugins.add(new RegisteredPlugin(new PluginDescriptor(name, version, "", "test.bundle 1.0.0", 1, splittable),
                Version.parseVersion(version), plugin));
        return this;
    }

    @Override
    public Optional<RegisteredPlugin> lookup(String name, String versionRange) {
        var range = PluginRegistry.parseRange(versionRange);
        return plugins.stream()
                .filter(plugin -> plugin.descriptor().name().equals(name))
                .filter(plugin -> range == null || range.includes(plugin.version()))
                .max((a, b) -> a.version().compareTo(b.version()));
    }

    @Override
    public String available() {
        return String.join(", ", plugins.stream().map(RegisteredPlugin::label).toList());
    }

    /** Lines logged through the OSGi logger, formatted with their first argument when the format is "{}". */
    static final class RecordingLog {
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());
        final Logger logger = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
                (proxy, method, args) -> {
                    if (method.getName().startsWith("is")) {
                        return true;
                    }
                    if (args != null && args.length > 0 && args[0] instanceof String format) {
                        Object[] rest = args.length > 1 && args[1] instanceof Object[] values ? values : new Object[0];
                        lines.add(method.getName() + " " + (format.equals("{}") && rest.length > 0 ? String.valueOf(rest[0]) : format));
                    }
                    return method.getReturnType() == String.class ? "test" : null;
                });
    }

    /** Counts primes in {"from","to"} by trial division, slowly enough to observe, and can split ranges. */
    static class SumOfRange implements Plugin, Splitter, Reducer {
        record Range(long from, long to) { }
        record Sum(long from, long to, long sum) { }

        @Override
        public Payload execute(Payload input, TaskContext context) throws PluginException {
            Range range = context.json().decode(input, Range.class);
            if (range.to() < range.from()) {
                throw new PluginException("to: must be >= from");
            }
            long sum = 0;
            for (long n = range.from(); n <= range.to(); n++) {
                sum += n;
                context.progress(n - range.from() + 1, range.to() - range.from() + 1);
            }
            return context.json().encode(new Sum(range.from(), range.to(), sum));
        }

        @Override
        public List<Payload> split(Payload workload, int chunks, JsonCodec json) throws PluginException {
            Range range = json.decode(workload, Range.class);
            long width = (range.to() - range.from() + chunks) / chunks;
            List<Payload> parts = new ArrayList<>();
            for (long start = range.from(); start <= range.to(); start += width) {
                parts.add(json.encode(new Range(start, Math.min(range.to(), start + width - 1))));
            }
            return parts;
        }

        @Override
        public Payload reduce(Payload workload, List<Payload> results, JsonCodec json) throws PluginException {
            Range range = json.decode(workload, Range.class);
            long sum = 0;
            for (Payload result : results) {
                sum += json.decode(result, Sum.class).sum();
            }
            return json.encode(new Sum(range.from(), range.to(), sum));
        }

        static long expected(long from, long to) {
            return LongStream.rangeClosed(from, to).sum();
        }
    }

    private TestPlugins() {
    }

    static TestPlugins create() {
        return new TestPlugins();
    }
}
