package io.colony.worker.internal;

import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.Reducer;
import io.colony.api.plugin.Splitter;
import io.colony.api.worker.PluginCatalog;
import io.colony.api.worker.PluginDescriptor;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The plugins on this node: every {@link Plugin} service with a valid name and version, tracked as
 * bundles come and go. A service with a missing or malformed name or version is ignored with a log
 * line that says which bundle registered it and what is wrong.
 */
@Component(service = {PluginCatalog.class, PluginRegistry.class})
public final class PluginRegistry implements PluginCatalog, PluginLookup {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Comparator<RegisteredPlugin> NAME_THEN_NEWEST = Comparator
            .comparing((RegisteredPlugin plugin) -> plugin.descriptor().name())
            .thenComparing(RegisteredPlugin::version, Comparator.reverseOrder())
            .thenComparing(plugin -> plugin.descriptor().bundleId());

    private final Logger logger;
    private final Map<ServiceReference<Plugin>, RegisteredPlugin> plugins = new ConcurrentHashMap<>();
    private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();

    @Activate
    public PluginRegistry(@Reference(service = LoggerFactory.class) Logger logger) {
        this.logger = logger;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addPlugin(Plugin plugin, ServiceReference<Plugin> reference) {
        try {
            RegisteredPlugin registered = describe(plugin, reference);
            plugins.put(reference, registered);
            logger.info("Plugin {} available from {}", registered.label(), registered.descriptor().bundle());
            changed();
        } catch (IllegalArgumentException e) {
            logger.warn("Ignoring a plugin service of bundle {}: {}", bundleName(reference.getBundle()), e.getMessage());
        }
    }

    void removePlugin(ServiceReference<Plugin> reference) {
        RegisteredPlugin removed = plugins.remove(reference);
        if (removed != null) {
            logger.info("Plugin {} from {} is gone", removed.label(), removed.descriptor().bundle());
            changed();
        }
    }

    /**
     * Calls the listener after every change of {@link #plugins()}, on the thread that made it (the
     * one that registered or unregistered the plugin service), so it must return quickly. Closing
     * the handle removes it.
     */
    public AutoCloseable onChange(Runnable listener) {
        changeListeners.add(listener);
        return () -> changeListeners.remove(listener);
    }

    private void changed() {
        for (Runnable listener : changeListeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                logger.warn("A listener to plugin changes failed: {}", e.toString(), e);
            }
        }
    }

    @Override
    public List<PluginDescriptor> plugins() {
        return plugins.values().stream().sorted(NAME_THEN_NEWEST).map(RegisteredPlugin::descriptor).toList();
    }

    @Override
    public Optional<PluginDescriptor> find(String name, String versionRange) {
        return lookup(name, versionRange).map(RegisteredPlugin::descriptor);
    }

    @Override
    public Optional<RegisteredPlugin> lookup(String name, String versionRange) {
        VersionRange range = parseRange(versionRange);
        return plugins.values().stream()
                .filter(plugin -> plugin.descriptor().name().equals(name))
                .filter(plugin -> range == null || range.includes(plugin.version()))
                .sorted(NAME_THEN_NEWEST)
                .findFirst();
    }

    @Override
    public String available() {
        List<PluginDescriptor> all = plugins();
        return all.isEmpty() ? "none" : String.join(", ", all.stream().map(p -> p.name() + " " + p.version()).toList());
    }

    /** Whether the text can be a plugin's name: 1 to 128 letters, digits, '.', '_' or '-', starting with a letter or digit. */
    public static boolean isPluginName(String text) {
        return text != null && NAME.matcher(text).matches();
    }

    static VersionRange parseRange(String versionRange) {
        if (versionRange == null || versionRange.isBlank()) {
            return null;
        }
        try {
            return VersionRange.valueOf(versionRange.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("version range '" + versionRange + "' is not valid OSGi syntax"
                    + " (examples: 1.2.0 for 'at least 1.2.0', [1.0,2.0) for 'any 1.x')", e);
        }
    }

    static RegisteredPlugin describe(Plugin plugin, ServiceReference<?> reference) {
        Object name = reference.getProperty(Plugin.NAME);
        if (!(name instanceof String text) || !isPluginName(text)) {
            throw new IllegalArgumentException(Plugin.NAME + " = '" + name + "': use 1 to 128 letters, digits, '.', '_' or '-'");
        }
        Object versionProperty = reference.getProperty(Plugin.VERSION);
        if (versionProperty == null) {
            throw new IllegalArgumentException(Plugin.VERSION + " is missing: a plugin must say its version");
        }
        Version version;
        try {
            version = Version.parseVersion(String.valueOf(versionProperty));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(Plugin.VERSION + " = '" + versionProperty + "': not an OSGi version such as 1.0.0", e);
        }
        Object description = reference.getProperty(Plugin.DESCRIPTION);
        Bundle bundle = reference.getBundle();
        PluginDescriptor descriptor = new PluginDescriptor(text, version.toString(),
                description == null ? "" : String.valueOf(description), bundleName(bundle),
                bundle == null ? -1 : bundle.getBundleId(), plugin instanceof Splitter && plugin instanceof Reducer);
        return new RegisteredPlugin(descriptor, version, plugin);
    }

    private static String bundleName(Bundle bundle) {
        return bundle == null ? "(unregistered)" : bundle.getSymbolicName() + " " + bundle.getVersion();
    }
}
