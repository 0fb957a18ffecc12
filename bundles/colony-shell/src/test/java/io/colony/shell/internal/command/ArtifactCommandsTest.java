package io.colony.shell.internal.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.deploy.CachedArtifact;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArtifactCommandsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

    private static String printed(java.util.function.Consumer<PrintStream> printer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        printer.accept(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void listsTheCacheWithSizesAndWhatIsInUse() {
        String out = printed(stream -> ArtifactCommands.print(List.of(
                new CachedArtifact("io.colony.plugins:colony-plugin-stats:1.0.0", 9_000, Instant.parse("2026-11-23T11:59:00Z"), true),
                new CachedArtifact("org.apache.commons:commons-math3:3.6.1", 2_213_560, Instant.parse("2026-11-23T11:00:00Z"), false)),
                CLOCK, stream));
        assertTrue(out.contains("io.colony.plugins:colony-plugin-stats:1.0.0"), out);
        assertTrue(out.contains("8.8 KiB"), out);
        assertTrue(out.contains("2.1 MiB"), out);
        assertTrue(out.contains("yes") && out.contains("no"), out);
        assertTrue(out.contains("2 artifacts, 2.1 MiB"), out);
    }

    @Test
    void anEmptyCacheSaysHowItFills() {
        assertEquals(ArtifactCommands.EMPTY + System.lineSeparator(), printed(stream -> ArtifactCommands.print(List.of(), CLOCK, stream)));
    }

    @Test
    void cleanSaysWhatItRemovedAndFreed() {
        String out = printed(stream -> ArtifactCommands.printCleaned(List.of(
                new CachedArtifact("org.apache.commons:commons-math3:3.6.1", 2_048, Instant.EPOCH, false)), stream));
        assertTrue(out.startsWith("removed 1 artifact, 2.0 KiB freed"), out);
        assertTrue(out.contains("  org.apache.commons:commons-math3:3.6.1"), out);
        assertTrue(printed(stream -> ArtifactCommands.printCleaned(List.of(), stream)).startsWith("nothing to clean"));
    }

    @Test
    void withoutADeployerItSaysWhyAndAnUnknownArgumentIsAnError() {
        ArtifactCommands commands = new ArtifactCommands(CLOCK);
        IllegalStateException none = assertThrows(IllegalStateException.class, () -> commands.artifacts());
        assertTrue(none.getMessage().contains("colony-deployer is not running"), none.getMessage());
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class, () -> commands.artifacts("purge"));
        assertTrue(wrong.getMessage().contains("unknown argument 'purge'"), wrong.getMessage());
    }
}
