package io.colony.plugins.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SamplePluginTest {

    @TempDir
    Path target;

    @Test
    void readsAFlattenedPomAndFindsTheJarBesideIt() throws Exception {
        Path pom = pom("colony-plugin-x", "1.0.0", "jar", "");
        Path jar = Files.writeString(target.resolve("colony-plugin-x-1.0.0.jar"), "jar");
        SamplePlugin plugin = SamplePlugin.read(pom);
        assertEquals("io.colony.plugins:colony-plugin-x:pom:1.0.0", plugin.pom().toString());
        assertEquals("io.colony.plugins:colony-plugin-x:jar:1.0.0", plugin.jar().toString());
        assertEquals(pom.toFile(), plugin.pom().getFile());
        assertEquals(jar.toFile(), plugin.jar().getFile());
        assertEquals("io.colony.plugins:colony-plugin-x", plugin.key());
    }

    @Test
    void rejectsAPomWithAParent() throws Exception {
        Path pom = pom("colony-plugin-x", "1.0.0", "jar",
                "<parent><groupId>io.colony</groupId><artifactId>colony-parent</artifactId><version>1</version></parent>");
        jar("colony-plugin-x-1.0.0.jar");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SamplePlugin.read(pom));
        assertTrue(e.getMessage().contains("has a parent (io.colony:colony-parent:pom:1)"), e.getMessage());
    }

    @Test
    void rejectsASnapshot() throws Exception {
        Path pom = pom("colony-plugin-x", "1.0.0-SNAPSHOT", "jar", "");
        jar("colony-plugin-x-1.0.0-SNAPSHOT.jar");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SamplePlugin.read(pom));
        assertTrue(e.getMessage().contains("version 1.0.0-SNAPSHOT is a SNAPSHOT"), e.getMessage());
    }

    @Test
    void rejectsAnUninterpolatedVersion() throws Exception {
        Path pom = pom("colony-plugin-x", "${revision}", "jar", "");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SamplePlugin.read(pom));
        assertTrue(e.getMessage().contains("is not interpolated"), e.getMessage());
    }

    @Test
    void rejectsAPomThatIsNotAJar() throws Exception {
        Path pom = pom("colony-plugin-x", "1.0.0", "pom", "");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SamplePlugin.read(pom));
        assertTrue(e.getMessage().endsWith("packaging pom, expected jar"), e.getMessage());
    }

    @Test
    void rejectsAMissingJar() throws Exception {
        Path pom = pom("colony-plugin-x", "1.0.0", "jar", "");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SamplePlugin.read(pom));
        assertTrue(e.getMessage().contains("no such jar beside colony-plugin-x-1.0.0.pom"), e.getMessage());
    }

    @Test
    void rejectsAFileThatIsNotAPom() throws Exception {
        Path pom = Files.writeString(target.resolve("x.pom"), "not xml");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SamplePlugin.read(pom));
        assertTrue(e.getMessage().contains("not a POM"), e.getMessage());
    }

    private Path pom(String artifactId, String version, String packaging, String parent) throws Exception {
        return Files.writeString(target.resolve(artifactId + "-" + version + ".pom"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  %s
                  <groupId>io.colony.plugins</groupId>
                  <artifactId>%s</artifactId>
                  <version>%s</version>
                  <packaging>%s</packaging>
                </project>
                """.formatted(parent, artifactId, version, packaging));
    }

    private void jar(String name) throws Exception {
        Files.writeString(target.resolve(name), "jar");
    }
}
