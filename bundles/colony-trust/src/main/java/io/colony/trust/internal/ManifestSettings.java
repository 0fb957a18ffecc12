package io.colony.trust.internal;

import io.colony.api.config.ConfigurationValues;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The settings of manifest jobs (topology 2): whether they are enabled, the repositories they may be
 * resolved from, the groupIds their artifacts (dependencies included) may have, and whether their
 * jars must be signed by a certificate of a truststore (or one it issued). An empty list allows nothing.
 *
 * @param repositories the allowed repository URLs; a URL below one of them is allowed too
 * @param groups       the allowed groupIds
 * @param truststore   present exactly when signatures are required: the certificates signers must lead to
 */
record ManifestSettings(boolean enabled, List<RepositoryUrl> repositories, List<GroupPattern> groups, Optional<Truststore> truststore) {

    static final String ENABLED = "manifest.enabled";
    static final String REPOSITORIES = "manifest.repositories";
    static final String GROUPS = "manifest.groups";
    static final String SIGNATURES_REQUIRED = "manifest.signatures.required";

    static final List<String> KEYS = List.of(ENABLED, REPOSITORIES, GROUPS, SIGNATURES_REQUIRED, Truststore.FILE, Truststore.PASSWORD);

    /** Manifest jobs disabled, nothing allowed. */
    static final ManifestSettings DEFAULTS = new ManifestSettings(false, List.of(), List.of(), Optional.empty());

    ManifestSettings {
        repositories = List.copyOf(repositories);
        groups = List.copyOf(groups);
    }

    /**
     * @param configDirectory what a relative truststore path is relative to
     * @throws io.colony.api.config.InvalidConfigurationException naming the key, the value and the reason
     */
    static ManifestSettings read(ConfigurationValues values, Path configDirectory) {
        return new ManifestSettings(values.bool(ENABLED, false), TrustSettings.each(values, REPOSITORIES, RepositoryUrl::parse),
                TrustSettings.each(values, GROUPS, GroupPattern::parse),
                values.bool(SIGNATURES_REQUIRED, false) ? Optional.of(Truststore.read(values, configDirectory)) : Optional.empty());
    }

    boolean signaturesRequired() {
        return truststore.isPresent();
    }
}
