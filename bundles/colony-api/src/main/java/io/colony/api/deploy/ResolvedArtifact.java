package io.colony.api.deploy;

import java.util.Objects;

/**
 * One artifact of a deployment.
 *
 * @param coordinates  its coordinates, as resolved
 * @param repositoryId the repository it came from, or {@code "cache"} when it was already in the node's cache
 * @param bundle       the bundle's symbolic name and version, e.g. {@code org.apache.commons.math3 3.6.1}
 * @param bundleId     the bundle's id in the framework
 * @param preinstalled whether the bundle was on the node before (then it is never uninstalled by a deployment)
 */
public record ResolvedArtifact(String coordinates, String repositoryId, String bundle, long bundleId, boolean preinstalled) {

    public ResolvedArtifact {
        Objects.requireNonNull(coordinates, "coordinates");
        Objects.requireNonNull(repositoryId, "repositoryId");
        Objects.requireNonNull(bundle, "bundle");
    }
}
