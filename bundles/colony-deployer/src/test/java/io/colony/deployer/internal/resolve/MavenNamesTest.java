package io.colony.deployer.internal.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.colony.api.deploy.Coordinates;
import io.colony.api.deploy.MavenRepository;
import java.util.List;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.repository.RepositoryPolicy;
import org.junit.jupiter.api.Test;

class MavenNamesTest {

    @Test
    void coordinatesBecomeArtifactsAndBack() {
        Coordinates plain = Coordinates.parse("org.apache.commons:commons-math3:3.6.1");
        Artifact artifact = MavenNames.artifact(plain);
        assertEquals("org.apache.commons", artifact.getGroupId());
        assertEquals("commons-math3", artifact.getArtifactId());
        assertEquals("jar", artifact.getExtension());
        assertEquals("", artifact.getClassifier());
        assertEquals("3.6.1", artifact.getVersion());
        assertEquals(plain, MavenNames.coordinates(artifact));

        Coordinates full = Coordinates.parse("mvn:io.colony.plugins/colony-plugin-stats/1.0.0/jar/tests");
        Artifact classified = MavenNames.artifact(full);
        assertEquals("tests", classified.getClassifier());
        assertEquals("io.colony.plugins:colony-plugin-stats:jar:tests:1.0.0", MavenNames.coordinates(classified).toString());
    }

    @Test
    void repositoriesFailOnChecksumMismatchAndNeverUpdateReleases() {
        RemoteRepository remote = MavenNames.remote(new MavenRepository("plugins", "file:///srv/repo"));
        assertEquals("plugins", remote.getId());
        assertEquals("default", remote.getContentType());
        assertEquals("file:///srv/repo", remote.getUrl());
        assertEquals(RepositoryPolicy.CHECKSUM_POLICY_FAIL, remote.getPolicy(false).getChecksumPolicy());
        assertEquals(RepositoryPolicy.UPDATE_POLICY_NEVER, remote.getPolicy(false).getUpdatePolicy());
        assertEquals(RepositoryPolicy.CHECKSUM_POLICY_FAIL, remote.getPolicy(true).getChecksumPolicy());
    }

    @Test
    void repositoriesAreDescribedByIdAndUrl() {
        assertEquals("a (file:/a), b (https://repo.example/b)",
                MavenNames.describe(List.of(new MavenRepository("a", "file:/a"), new MavenRepository("b", "https://repo.example/b"))));
    }
}
