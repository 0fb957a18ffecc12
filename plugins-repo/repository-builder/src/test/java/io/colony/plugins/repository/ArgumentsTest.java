package io.colony.plugins.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.plugins.repository.PluginsRepositoryBuilder.Arguments;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArgumentsTest {

    @Test
    void parsesOptionsAndPoms() {
        Arguments arguments = Arguments.parse("--repository", "/r/./repo", "--source", "/m2", "--work", "/w",
                "--timestamp", "2026-11-23T00:00:00Z", "/a/x-1.0.0.pom", "/b/y-1.0.0.pom");
        assertEquals(Path.of("/r/repo"), arguments.repository());
        assertEquals(Path.of("/m2"), arguments.source());
        assertEquals(Path.of("/w"), arguments.work());
        assertEquals(Instant.parse("2026-11-23T00:00:00Z"), arguments.timestamp());
        assertEquals(List.of(Path.of("/a/x-1.0.0.pom"), Path.of("/b/y-1.0.0.pom")), arguments.poms());
    }

    @Test
    void acceptsTheTimestampFormsOfOutputTimestamp() {
        assertEquals(Instant.ofEpochSecond(1_795_392_000L), Arguments.parseTimestamp("1795392000"));
        assertEquals(Instant.parse("2026-11-22T22:00:00Z"), Arguments.parseTimestamp("2026-11-23T00:00:00+02:00"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Arguments.parseTimestamp("yesterday"));
        assertTrue(e.getMessage().startsWith("--timestamp yesterday: expected an ISO-8601 date-time"), e.getMessage());
    }

    @Test
    void requiresEveryOptionAndAPom() {
        assertThrows(IllegalArgumentException.class, () -> Arguments.parse("--repository", "/r", "x.pom"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Arguments.parse(
                "--repository", "/r", "--source", "/m2", "--work", "/w", "--timestamp", "1"));
        assertTrue(e.getMessage().startsWith("no POM given"), e.getMessage());
    }

    @Test
    void rejectsAnUnknownOptionAndAMissingValue() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> Arguments.parse("--offline", "x"));
        assertTrue(unknown.getMessage().startsWith("--offline: unknown option"), unknown.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> Arguments.parse("x.pom", "--work"));
        assertEquals("--work: needs a value", missing.getMessage());
    }
}
