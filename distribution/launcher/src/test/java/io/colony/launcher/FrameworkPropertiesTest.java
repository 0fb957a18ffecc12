package io.colony.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameworkPropertiesTest {

    @TempDir
    Path temporary;

    private NodeHome home;
    private Path install;

    @BeforeEach
    void createHome() throws Exception {
        install = temporary.resolve("install");
        home = new NodeHome(temporary.resolve("node1"));
        Files.createDirectories(home.etc());
        Files.writeString(home.configProperties(), """
                org.osgi.framework.storage = ${colony.data}/felix-cache
                colony.home = /somewhere/else
                gosh.args = --whatever
                colony.startlevel.org.example.logging = 5
                colony.startlevel.org.example.broken = first
                """);
    }

    @Test
    void directoriesAndCommandLineOverridesWinOverTheFile() throws Exception {
        Invocation invocation = CommandLine.parse("start", "--roles", "worker", "--http-port", "22591");

        Map<String, String> properties = FrameworkProperties.build(home, install, invocation, false);

        assertEquals(home.data() + "/felix-cache", properties.get("org.osgi.framework.storage"));
        assertEquals(home.root().toString(), properties.get("colony.home"));
        assertEquals(home.log().toString(), properties.get("colony.log"));
        assertEquals(install.toString(), properties.get("colony.install"));
        assertEquals("worker", properties.get("colony.roles"));
        assertEquals("22591", properties.get("colony.http.port"));
    }

    @Test
    void withoutOverridesTheNodeConfigurationDecides() throws Exception {
        Map<String, String> properties = FrameworkProperties.build(home, install, CommandLine.parse("start"), false);

        assertFalse(properties.containsKey("colony.roles"));
        assertFalse(properties.containsKey("colony.http.port"));
        assertFalse(properties.containsKey("colony.mdns"));
        assertFalse(properties.containsKey("colony.bind.address"));
    }

    @Test
    void localTurnsMulticastDiscoveryOffAndBindsServersToLoopback() throws Exception {
        Map<String, String> local = FrameworkProperties.build(home, install, CommandLine.parse("start", "--local"), false);
        assertEquals("false", local.get("colony.mdns"));
        assertEquals("127.0.0.1", local.get("colony.bind.address"));
        assertEquals("false", FrameworkProperties.build(home, install, CommandLine.parse("demo"), false).get("colony.mdns"));
    }

    @Test
    void withoutConsoleTheShellIsNotInteractive() throws Exception {
        assertEquals("--nointeractive", FrameworkProperties.build(home, install, CommandLine.parse("start"), false).get("gosh.args"));
    }

    @Test
    void withConsoleTheShellRunsItsDefaultSession() throws Exception {
        assertFalse(FrameworkProperties.build(home, install, CommandLine.parse("start"), true).containsKey("gosh.args"));
    }

    @Test
    void startLevelsAreReadBySymbolicName() throws Exception {
        Map<String, String> properties = FrameworkProperties.build(home, install, CommandLine.parse("start"), false);

        assertEquals(OptionalInt.of(5), FrameworkProperties.startLevel(properties, "org.example.logging"));
        assertEquals(OptionalInt.empty(), FrameworkProperties.startLevel(properties, "org.example.other"));
    }

    @Test
    void malformedStartLevelIsReportedWithItsKey() throws Exception {
        Map<String, String> properties = FrameworkProperties.build(home, install, CommandLine.parse("start"), false);

        LauncherException failure = assertThrows(LauncherException.class, () -> FrameworkProperties.startLevel(properties, "org.example.broken"));

        assertEquals("etc/config.properties: colony.startlevel.org.example.broken = 'first': not a start level (1 or more)", failure.getMessage());
    }
}
