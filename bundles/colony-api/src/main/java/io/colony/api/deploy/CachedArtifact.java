package io.colony.api.deploy;

import java.time.Instant;
import java.util.Objects;

/**
 * An artifact in a node's cache.
 *
 * @param coordinates its coordinates
 * @param size        its size in bytes
 * @param lastUsed    when a deployment last used it (or when it was downloaded)
 * @param inUse       whether a live deployment uses it now
 */
public record CachedArtifact(String coordinates, long size, Instant lastUsed, boolean inUse) {

    public CachedArtifact {
        Objects.requireNonNull(coordinates, "coordinates");
        Objects.requireNonNull(lastUsed, "lastUsed");
    }
}
