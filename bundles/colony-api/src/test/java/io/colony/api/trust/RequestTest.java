package io.colony.api.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestTest {

    @Test
    void requiredFieldsAreNamedWhenMissing() {
        assertEquals("commandLine", assertThrows(NullPointerException.class, () -> new Request.RunCommand(null)).getMessage());
        assertEquals("plugin", assertThrows(NullPointerException.class, () -> new Request.RunPlugin(null, "1.0")).getMessage());
        assertEquals("version", assertThrows(NullPointerException.class, () -> new Request.RunPlugin("p", null)).getMessage());
        assertEquals("coordinates", assertThrows(NullPointerException.class, () -> new Request.InstallArtifacts(null, List.of())).getMessage());
        assertEquals("entryClass", assertThrows(NullPointerException.class, () -> new Request.RunSource(null, "t")).getMessage());
    }

    @Test
    void artifactListsAreCopiedSoTheyCannotChangeAfterTheCheck() {
        List<String> coordinates = new ArrayList<>(List.of("org.example:plugin:1.0"));
        Request.InstallArtifacts request = new Request.InstallArtifacts(coordinates, List.of("file:/repo"));
        coordinates.add("org.evil:payload:6.6.6");
        assertEquals(List.of("org.example:plugin:1.0"), request.coordinates());
        assertThrows(UnsupportedOperationException.class, () -> request.repositoryUrls().add("http://evil"));
        assertThrows(NullPointerException.class, () -> new Request.InstallArtifacts(Arrays.asList("a:b:1", null), List.of()));
    }

    @Test
    void sourceRequestsNeverShowTheirTokenAndTreatNullAsNone() {
        Request.RunSource withToken = new Request.RunSource("demo.Entry", "s3cr3t-token");
        assertEquals("s3cr3t-token", withToken.token());
        assertFalse(withToken.toString().contains("s3cr3t"));
        assertTrue(withToken.toString().contains("demo.Entry"));
        assertEquals("", new Request.RunSource("demo.Entry", null).token());
        assertTrue(new Request.RunSource("demo.Entry", null).toString().contains("token=none"));
    }
}
