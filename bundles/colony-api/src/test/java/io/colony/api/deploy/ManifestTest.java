package io.colony.api.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestTest {

    private static final List<MavenRepository> REPOSITORY = List.of(new MavenRepository("samples", "file:/srv/repo"));

    @Test
    void coordinatesAcceptColonAndMvnUrlForms() {
        assertEquals(new Coordinates("org.apache.commons", "commons-math3", "jar", "", "3.6.1"),
                Coordinates.parse("org.apache.commons:commons-math3:3.6.1"));
        assertEquals(Coordinates.parse("org.apache.commons:commons-math3:3.6.1"), Coordinates.parse("mvn:org.apache.commons/commons-math3/3.6.1"));
        assertEquals("g:a:jar:tests:1.0", Coordinates.parse("mvn:g/a/1.0/jar/tests").toString());
        assertEquals("g:a:pom:1.0", Coordinates.parse("g:a:pom:1.0").toString());
    }

    @Test
    void coordinatesRefuseRangesAndMalformedTextNamingIt() {
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class, () -> Coordinates.parse("g:a:[1.0,2.0)"));
        assertTrue(range.getMessage().contains("'g:a:[1.0,2.0)'"), range.getMessage());
        assertTrue(range.getMessage().contains("exact version"), range.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Coordinates.parse("g:a:LATEST"));
        assertThrows(IllegalArgumentException.class, () -> Coordinates.parse("g:a"));
        assertThrows(IllegalArgumentException.class, () -> Coordinates.parse("../../etc:a:1.0"));
        assertThrows(IllegalArgumentException.class, () -> Coordinates.parse(" "));
    }

    @Test
    void manifestNamesTheBadBundleByIndex() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Manifest(List.of("g:a:1.0", "nonsense"), REPOSITORY, true));
        assertTrue(e.getMessage().startsWith("bundles[1]: "), e.getMessage());
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> new Manifest(List.of("g:a:1.0", "mvn:g/a/1.0"), REPOSITORY, true));
        assertTrue(twice.getMessage().contains("named twice"), twice.getMessage());
    }

    @Test
    void manifestNeedsBundlesAndRepositories() {
        assertThrows(IllegalArgumentException.class, () -> new Manifest(List.of(), REPOSITORY, true));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Manifest(List.of("g:a:1.0"), List.of(), true));
        assertTrue(e.getMessage().startsWith("repositories: "), e.getMessage());
    }

    @Test
    void repositoryAcceptsOnlyFileAndHttpUrlsWithoutCredentials() {
        new MavenRepository("central", "https://repo.maven.apache.org/maven2");
        new MavenRepository("local", "file:///srv/repo");
        assertThrows(IllegalArgumentException.class, () -> new MavenRepository("x", "ftp://host/repo"));
        assertThrows(IllegalArgumentException.class, () -> new MavenRepository("x", "https://user:secret@host/repo"));
        assertThrows(IllegalArgumentException.class, () -> new MavenRepository("x", "not a url"));
        IllegalArgumentException id = assertThrows(IllegalArgumentException.class, () -> new MavenRepository("bad id", "file:/r"));
        assertTrue(id.getMessage().startsWith("id: "), id.getMessage());
    }
}
