package io.colony.deployer.internal.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.deploy.CachedArtifact;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactCacheTest {

    private static final Instant USED = Instant.parse("2026-01-02T03:04:05Z");

    @TempDir
    Path root;

    private ArtifactCache cache;

    @BeforeEach
    void setUp() throws IOException {
        cache = new ArtifactCache(root, Clock.fixed(USED, ZoneOffset.UTC));
        file("org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar", 10);
        file("org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar.sha1", 1);
        file("org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.pom", 3);
        file("org/apache/commons/commons-math3/3.6.1/_remote.repositories", 1);
        file("org/apache/commons/commons-parent/39/commons-parent-39.pom", 4);
        file("org/apache/commons/commons-math3/maven-metadata-central.xml", 1);
        file("io/colony/plugins/colony-plugin-stats/1.0.0/colony-plugin-stats-1.0.0.jar", 7);
        file("io/colony/plugins/colony-plugin-stats/1.0.0/colony-plugin-stats-1.0.0-sources.jar", 5);
    }

    @Test
    void listsArtifactsByCoordinatesWithSizeAndUse() {
        List<CachedArtifact> artifacts = cache.list(Set.of("org.apache.commons:commons-math3:3.6.1"));
        assertEquals(List.of("io.colony.plugins:colony-plugin-stats:1.0.0", "io.colony.plugins:colony-plugin-stats:jar:sources:1.0.0",
                "org.apache.commons:commons-math3:3.6.1", "org.apache.commons:commons-math3:pom:3.6.1", "org.apache.commons:commons-parent:pom:39"),
                artifacts.stream().map(CachedArtifact::coordinates).toList());
        assertEquals(List.of(false, false, true, true, false), artifacts.stream().map(CachedArtifact::inUse).toList());
        assertEquals(10, artifacts.get(2).size());
    }

    @Test
    void touchingRecordsTheLastUse() {
        cache.touch(List.of(root.resolve("org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar"), root.resolve("gone.jar")));
        CachedArtifact math = cache.list(Set.of()).get(2);
        assertEquals(USED, math.lastUsed());
    }

    @Test
    void cleaningRemovesWhatNoDeploymentUsesWithItsChecksumsAndEmptyFolders() {
        List<CachedArtifact> removed = cache.clean(Set.of("io.colony.plugins:colony-plugin-stats:1.0.0"));
        assertEquals(List.of("io.colony.plugins:colony-plugin-stats:jar:sources:1.0.0", "org.apache.commons:commons-math3:3.6.1",
                "org.apache.commons:commons-math3:pom:3.6.1", "org.apache.commons:commons-parent:pom:39"),
                removed.stream().map(CachedArtifact::coordinates).toList());
        assertFalse(Files.exists(root.resolve("org")), "nothing but metadata was left under org/");
        assertTrue(Files.exists(root.resolve("io/colony/plugins/colony-plugin-stats/1.0.0/colony-plugin-stats-1.0.0.jar")));
        assertEquals(List.of("io.colony.plugins:colony-plugin-stats:1.0.0"), cache.list(Set.of()).stream().map(CachedArtifact::coordinates).toList());
    }

    @Test
    void anEmptyOrMissingCacheListsNothing() {
        assertEquals(List.of(), new ArtifactCache(root.resolve("none"), Clock.systemUTC()).list(Set.of()));
        assertEquals(List.of(), new ArtifactCache(root.resolve("none"), Clock.systemUTC()).clean(Set.of()));
    }

    private void file(String path, int size) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[size]);
    }
}
