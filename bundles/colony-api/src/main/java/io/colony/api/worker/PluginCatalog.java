package io.colony.api.worker;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** The plugins this node can run, kept current as bundles come and go. */
@ProviderType
public interface PluginCatalog {

    /** All plugins, sorted by name, then newest version first. */
    List<PluginDescriptor> plugins();

    /**
     * The newest plugin of that name whose version is in the range.
     *
     * @param versionRange an OSGi version range ({@code [1.0,2)}), a single version meaning "at
     *     least", or {@code null} for any version
     * @throws IllegalArgumentException when the range is not valid OSGi syntax
     */
    Optional<PluginDescriptor> find(String name, String versionRange);
}
