package io.colony.worker.internal;

import io.colony.api.plugin.Plugin;
import io.colony.api.worker.PluginDescriptor;
import org.osgi.framework.Version;

/** A plugin service and what Colony knows of it. */
record RegisteredPlugin(PluginDescriptor descriptor, Version version, Plugin plugin) {

    boolean splittable() {
        return descriptor.splittable();
    }

    String label() {
        return descriptor.name() + " " + descriptor.version();
    }
}
