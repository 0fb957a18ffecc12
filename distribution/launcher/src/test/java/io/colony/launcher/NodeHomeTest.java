package io.colony.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeHomeTest {

    @TempDir
    Path temporary;

    private Path install;

    @BeforeEach
    void createInstall() throws IOException {
        install = temporary.resolve("install");
        Files.createDirectories(install.resolve("etc/sub"));
        Files.writeString(install.resolve("etc/config.properties"), "a = 1\n");
        Files.writeString(install.resolve("etc/io.colony.node.cfg"), "#roles = manager,worker\n");
        Files.writeString(install.resolve("etc/sub/nested.txt"), "nested\n");
    }

    @Test
    void newHomeGetsACopyOfTheInstallsEtcAndEmptyDirectories() throws Exception {
        NodeHome home = new NodeHome(temporary.resolve("node1"));

        home.initialise(install);

        assertEquals("a = 1\n", Files.readString(home.configProperties()));
        assertEquals("#roles = manager,worker\n", Files.readString(home.etc().resolve("io.colony.node.cfg")));
        assertEquals("nested\n", Files.readString(home.etc().resolve("sub/nested.txt")));
        for (Path directory : new Path[] {home.deploy(), home.data(), home.log()}) {
            assertTrue(Files.isDirectory(directory), directory + " exists");
            try (var entries = Files.list(directory)) {
                assertEquals(0, entries.count(), directory + " is empty");
            }
        }
    }

    @Test
    void existingEtcIsLeftAsItIs() throws Exception {
        NodeHome home = new NodeHome(temporary.resolve("node1"));
        Files.createDirectories(home.etc());
        Files.writeString(home.configProperties(), "edited = yes\n");

        home.initialise(install);

        assertEquals("edited = yes\n", Files.readString(home.configProperties()));
        assertTrue(Files.notExists(home.etc().resolve("io.colony.node.cfg")));
    }

    @Test
    void theInstallDirectoryIsItsOwnHome() throws Exception {
        NodeHome home = new NodeHome(install);

        home.initialise(install);

        assertEquals("a = 1\n", Files.readString(home.configProperties()));
        assertTrue(Files.isDirectory(home.data()));
    }

    @Test
    void etcWithoutConfigPropertiesIsReported() throws IOException {
        NodeHome home = new NodeHome(temporary.resolve("node1"));
        Files.createDirectories(home.etc());

        LauncherException failure = assertThrows(LauncherException.class, () -> home.initialise(install));

        assertEquals("no " + home.configProperties() + ": the node home " + home.root() + " is incomplete", failure.getMessage());
    }

    @Test
    void installWithoutEtcIsReported() {
        NodeHome home = new NodeHome(temporary.resolve("node1"));
        Path emptyInstall = temporary.resolve("empty");

        LauncherException failure = assertThrows(LauncherException.class, () -> home.initialise(emptyInstall));

        assertEquals("cannot create a node home: " + emptyInstall.resolve("etc") + " is missing", failure.getMessage());
    }

    @Test
    void homeOptionWins() {
        Path option = temporary.resolve("chosen");

        assertEquals(option, NodeHome.choose(Optional.of(option), install, install).root());
    }

    @Test
    void currentDirectoryThatIsANodeHomeIsChosen() throws Exception {
        NodeHome node = new NodeHome(temporary.resolve("node1"));
        node.initialise(install);

        assertEquals(node.root(), NodeHome.choose(Optional.empty(), node.root(), install).root());
    }

    @Test
    void otherwiseTheInstallDirectoryIsChosen() {
        // a checkout has etc/config.properties but no data/: it is not a node home
        Path checkout = temporary.resolve("checkout");

        assertEquals(install, NodeHome.choose(Optional.empty(), checkout, install).root());
        assertEquals(install, NodeHome.choose(Optional.empty(), install.resolve("etc"), install).root());
    }
}
