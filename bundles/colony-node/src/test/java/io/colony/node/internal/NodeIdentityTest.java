package io.colony.node.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeIdentityTest {

    @TempDir
    Path data;

    @Test
    void aConfiguredIdWinsAndIsNotWritten() {
        assertEquals("render-1", NodeIdentity.resolve("render-1", data));
        assertTrue(Files.notExists(data.resolve(NodeIdentity.ID_FILE)));
    }

    @Test
    void theDerivedIdIsRememberedAcrossRestarts() throws IOException {
        String first = NodeIdentity.resolve("", data);
        assertEquals(first + "\n", Files.readString(data.resolve(NodeIdentity.ID_FILE)));
        Files.writeString(data.resolve(NodeIdentity.ID_FILE), "kept-id\n");
        assertEquals("kept-id", NodeIdentity.resolve("", data));
    }

    @Test
    void hostNamesBecomeShortLowerCaseIds() {
        assertEquals("build-box", NodeIdentity.sanitise("Build-Box.example.org"));
        assertEquals("10.0.0.7", NodeIdentity.sanitise("10.0.0.7"));
        assertEquals("my-host", NodeIdentity.sanitise("my host"));
        assertEquals("node", NodeIdentity.sanitise("---"));
    }
}
