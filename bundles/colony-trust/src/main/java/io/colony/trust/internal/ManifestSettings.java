package io.colony.trust.internal;

import io.colony.api.config.ConfigurationValues;
import java.util.List;

/**
 * The settings of manifest jobs (topology 2): whether they are enabled, the repositories they may be
 * resolved from and the groupIds their artifacts (dependencies included) may have. An empty list
 * allows nothing.
 *
 * @param repositories the allowed repository URLs; a URL below one of them is allowed too
 * @param groups       the allowed groupIds
 */
record ManifestSettings(boolean enabled, List<RepositoryUrl> repositories, List<GroupPattern> groups) {

    static final String ENABLED = "manifest.enabled";
    static final String REPOSITORIES = "manifest.repositories";
    static final String GROUPS = "manifest.groups";

    static final List<String> KEYS = List.of(ENABLED, REPOSITORIES, GROUPS);

    /** Manifest jobs disabled, nothing allowed. */
    static final ManifestSettings DEFAULTS = new ManifestSettings(false, List.of(), List.of());

    ManifestSettings {
        repositories = List.copyOf(repositories);
        groups = List.copyOf(groups);
    }

    /** @throws io.colony.api.config.InvalidConfigurationException naming the key, the value and the reason */
    static ManifestSettings read(ConfigurationValues values) {
        return new ManifestSettings(values.bool(ENABLED, false), TrustSettings.each(values, REPOSITORIES, RepositoryUrl::parse),
                TrustSettings.each(values, GROUPS, GroupPattern::parse));
    }
}
