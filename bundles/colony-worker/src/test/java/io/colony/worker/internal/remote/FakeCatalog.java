package io.colony.worker.internal.remote;

import io.colony.api.worker.PluginCatalog;
import io.colony.api.worker.PluginDescriptor;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

/** Plugins the test sets, with listeners told of every change as the plugin registry tells them. */
public final class FakeCatalog implements PluginCatalog {

    private volatile List<PluginDescriptor> plugins = List.of();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public static PluginDescriptor plugin(String name, String version, boolean splittable) {
        return new PluginDescriptor(name, version, "the " + name + " plugin", "sample." + name + " 1.0.0", 7, splittable);
    }

    public void set(PluginDescriptor... descriptors) {
        plugins = List.of(descriptors);
        listeners.forEach(Runnable::run);
    }

    public AutoCloseable onChange(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    int listenerCount() {
        return listeners.size();
    }

    @Override
    public List<PluginDescriptor> plugins() {
        return plugins;
    }

    @Override
    public Optional<PluginDescriptor> find(String name, String versionRange) {
        VersionRange range = versionRange == null ? null : VersionRange.valueOf(versionRange);
        return plugins.stream()
                .filter(plugin -> plugin.name().equals(name))
                .filter(plugin -> range == null || range.includes(Version.parseVersion(plugin.version())))
                .max(Comparator.comparing(plugin -> Version.parseVersion(plugin.version())));
    }
}
