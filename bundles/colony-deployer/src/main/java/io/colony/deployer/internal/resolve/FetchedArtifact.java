package io.colony.deployer.internal.resolve;

import io.colony.api.deploy.Coordinates;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One artifact of a resolution, in the node's cache.
 *
 * @param coordinates  its coordinates
 * @param file         the file in the cache
 * @param repositoryId the repository it was downloaded from now, or {@value #CACHE} when it was in the cache already
 */
public record FetchedArtifact(Coordinates coordinates, Path file, String repositoryId) {

    /** The repository id of an artifact that came from the node's cache. */
    public static final String CACHE = "cache";

    public FetchedArtifact {
        Objects.requireNonNull(coordinates, "coordinates");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(repositoryId, "repositoryId");
    }
}
