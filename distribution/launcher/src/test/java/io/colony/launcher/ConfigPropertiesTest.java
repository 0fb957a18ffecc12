package io.colony.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigPropertiesTest {

    private static final Map<String, String> VARIABLES = Map.of("colony.home", "/srv/node1", "colony.data", "/srv/node1/data");

    @TempDir
    Path directory;

    private Map<String, String> load(String content) throws IOException, LauncherException {
        Path file = directory.resolve("config.properties");
        Files.writeString(file, content);
        return ConfigProperties.load(file, VARIABLES);
    }

    @Test
    void launcherVariablesAreSubstituted() throws Exception {
        Map<String, String> properties = load("org.osgi.framework.storage = ${colony.data}/felix-cache\n");

        assertEquals("/srv/node1/data/felix-cache", properties.get("org.osgi.framework.storage"));
    }

    @Test
    void otherPropertiesOfTheFileAreSubstituted() throws Exception {
        Map<String, String> properties = load("etc = ${colony.home}/etc\nlogging = ${etc}/log4j2.xml\n");

        assertEquals("/srv/node1/etc/log4j2.xml", properties.get("logging"));
    }

    @Test
    void systemPropertiesAreSubstituted() throws Exception {
        Map<String, String> properties = load("where = ${java.home}\n");

        assertEquals(System.getProperty("java.home"), properties.get("where"));
    }

    @Test
    void severalReferencesInOneValueAreSubstituted() throws Exception {
        assertEquals("/srv/node1:/srv/node1/data", load("both = ${colony.home}:${colony.data}\n").get("both"));
    }

    @Test
    void backslashEscapesAreReadAsJavaPropertiesDo() throws Exception {
        assertEquals(".*\\.cfg", load("felix.fileinstall.filter = .*\\\\.cfg\n").get("felix.fileinstall.filter"));
    }

    @Test
    void unknownVariableIsAnErrorNamingTheKey() {
        LauncherException failure = assertThrows(LauncherException.class, () -> load("storage = ${colony.nowhere}/cache\n"));

        assertEquals(directory.resolve("config.properties") + ": storage: unknown variable ${colony.nowhere}", failure.getMessage());
    }

    @Test
    void selfReferenceIsAnError() {
        LauncherException failure = assertThrows(LauncherException.class, () -> load("a = ${b}\nb = ${a}\n"));

        assertEquals(true, failure.getMessage().endsWith("refers to itself"), failure.getMessage());
    }

    @Test
    void missingFileIsReported() {
        Path missing = directory.resolve("absent.properties");

        LauncherException failure = assertThrows(LauncherException.class, () -> ConfigProperties.load(missing, VARIABLES));

        assertEquals("cannot read " + missing, failure.getMessage());
    }
}
