package io.colony.node.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeIdentityTest {

    @TempDir
    Path temp;

    private Path data(String node) {
        return temp.resolve(node).resolve("data");
    }

    private NodeIdClaims claims() {
        return new NodeIdClaims(temp.resolve("claims"));
    }

    @Test
    void aConfiguredIdWinsAndIsNotWritten() {
        try (NodeIdentity.Resolved resolved = NodeIdentity.resolve("render-1", data("a"), claims())) {
            assertEquals("render-1", resolved.id());
        }
        assertTrue(Files.notExists(data("a").resolve(NodeIdentity.ID_FILE)));
    }

    @Test
    void theDerivedIdIsRememberedAcrossRestarts() throws IOException {
        String first;
        try (NodeIdentity.Resolved resolved = NodeIdentity.resolve("", data("a"), claims())) {
            first = resolved.id();
        }
        assertEquals(first + "\n", Files.readString(data("a").resolve(NodeIdentity.ID_FILE)));
        try (NodeIdentity.Resolved again = NodeIdentity.resolve("", data("a"), claims())) {
            assertEquals(first, again.id());
        }
        Files.writeString(data("a").resolve(NodeIdentity.ID_FILE), "kept-id\n");
        try (NodeIdentity.Resolved kept = NodeIdentity.resolve("", data("a"), claims())) {
            assertEquals("kept-id", kept.id());
        }
    }

    @Test
    void nodesSharingAHostGetDistinctIdsThatStayTheirs() {
        String firstId;
        String secondId;
        try (NodeIdentity.Resolved first = NodeIdentity.resolve("", data("a"), claims());
                NodeIdentity.Resolved second = NodeIdentity.resolve("", data("b"), claims())) {
            firstId = first.id();
            secondId = second.id();
            assertNotEquals(firstId, secondId);
            assertEquals(firstId + "-2", secondId);
        }
        try (NodeIdentity.Resolved second = NodeIdentity.resolve("", data("b"), claims());
                NodeIdentity.Resolved first = NodeIdentity.resolve("", data("a"), claims())) {
            assertEquals(secondId, second.id(), "restarted in the other order, each keeps its id");
            assertEquals(firstId, first.id());
        }
    }

    @Test
    void aCopiedHomeWhoseIdIsInUseGetsAnotherOne() throws IOException {
        try (NodeIdentity.Resolved original = NodeIdentity.resolve("", data("a"), claims())) {
            Files.createDirectories(data("copy"));
            Files.copy(data("a").resolve(NodeIdentity.ID_FILE), data("copy").resolve(NodeIdentity.ID_FILE));
            try (NodeIdentity.Resolved copy = NodeIdentity.resolve("", data("copy"), claims())) {
                assertNotEquals(original.id(), copy.id());
                assertEquals(copy.id() + "\n", Files.readString(data("copy").resolve(NodeIdentity.ID_FILE)));
            }
        }
    }

    @Test
    void hostNamesBecomeShortLowerCaseIds() {
        assertEquals("build-box", NodeIdentity.sanitise("Build-Box.example.org"));
        assertEquals("10.0.0.7", NodeIdentity.sanitise("10.0.0.7"));
        assertEquals("my-host", NodeIdentity.sanitise("my host"));
        assertEquals("node", NodeIdentity.sanitise("---"));
    }
}
