package io.colony.deployer.internal.resolve;

import io.colony.api.deploy.Coordinates;
import io.colony.api.deploy.MavenRepository;
import java.util.List;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.repository.RepositoryPolicy;

/** Translations between Colony's coordinates and repositories and maven-resolver's. */
public final class MavenNames {

    private MavenNames() {
    }

    public static Artifact artifact(Coordinates coordinates) {
        return new DefaultArtifact(coordinates.groupId(), coordinates.artifactId(), coordinates.classifier(),
                coordinates.extension(), coordinates.version());
    }

    public static Coordinates coordinates(Artifact artifact) {
        return new Coordinates(artifact.getGroupId(), artifact.getArtifactId(), artifact.getExtension(),
                artifact.getClassifier(), artifact.getBaseVersion());
    }

    /** The artifact's coordinates as Colony writes them, or as maven-resolver does when Colony would not accept them. */
    public static String describe(Artifact artifact) {
        try {
            return coordinates(artifact).toString();
        } catch (IllegalArgumentException e) {
            return artifact.toString();
        }
    }

    /**
     * A manifest's repository as maven-resolver sees it: release artifacts, once in the cache, are never
     * asked for again (they do not change); snapshots are asked for at every resolution; a checksum
     * mismatch fails the download, as does a repository that publishes no checksums.
     */
    public static RemoteRepository remote(MavenRepository repository) {
        RepositoryPolicy releases = new RepositoryPolicy(true, RepositoryPolicy.UPDATE_POLICY_NEVER, RepositoryPolicy.CHECKSUM_POLICY_FAIL);
        RepositoryPolicy snapshots = new RepositoryPolicy(true, RepositoryPolicy.UPDATE_POLICY_ALWAYS, RepositoryPolicy.CHECKSUM_POLICY_FAIL);
        return new RemoteRepository.Builder(repository.id(), "default", repository.url())
                .setReleasePolicy(releases)
                .setSnapshotPolicy(snapshots)
                .build();
    }

    public static List<RemoteRepository> remotes(List<MavenRepository> repositories) {
        return repositories.stream().map(MavenNames::remote).toList();
    }

    /** {@code id (url), id (url)}: how an error names the repositories it tried. */
    public static String describe(List<MavenRepository> repositories) {
        return String.join(", ", repositories.stream().map(r -> r.id() + " (" + r.url() + ")").toList());
    }
}
