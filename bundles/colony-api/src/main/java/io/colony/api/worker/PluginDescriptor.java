package io.colony.api.worker;

import java.util.Objects;

/**
 * A plugin present on a node.
 *
 * @param name the plugin's name
 * @param version its OSGi version, normalised ({@code 1.0} becomes {@code 1.0.0})
 * @param description its one-line description, may be empty
 * @param bundle the symbolic name and version of the bundle that registered it
 * @param bundleId that bundle's id in this framework
 * @param splittable whether it can split a workload and reduce the results
 */
public record PluginDescriptor(String name, String version, String description, String bundle, long bundleId,
        boolean splittable) {

    public PluginDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        description = description == null ? "" : description;
        Objects.requireNonNull(bundle, "bundle");
    }
}
