package io.colony.shell.internal.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HumanFormatTest {

    @Test
    void writesDurationsInTheUnitsThatMatter() {
        assertEquals("250ms", HumanFormat.duration(Duration.ofMillis(250)));
        assertEquals("42s", HumanFormat.duration(Duration.ofSeconds(42)));
        assertEquals("10m", HumanFormat.duration(Duration.ofMinutes(10)));
        assertEquals("2h 5m 3s", HumanFormat.duration(Duration.ofHours(2).plusMinutes(5).plusSeconds(3)));
        assertEquals("3d 1h", HumanFormat.duration(Duration.ofDays(3).plusHours(1).plusMillis(400)));
    }

    @Test
    void writesSizesInBinaryUnits() {
        assertEquals("512 bytes", HumanFormat.bytes(512));
        assertEquals("64 MiB", HumanFormat.bytes(64L * 1024 * 1024));
        assertEquals("1.5 KiB", HumanFormat.bytes(1536));
    }

    @Test
    void writesAgesInTenthsOfSecondsWithinAMinute() {
        assertEquals("0.8 s ago", HumanFormat.ago(Duration.ofMillis(812)));
        assertEquals("59.9 s ago", HumanFormat.ago(Duration.ofMillis(59_900)));
        assertEquals("1m ago", HumanFormat.ago(Duration.ofSeconds(60)));
        assertEquals("2m 5s ago", HumanFormat.ago(Duration.ofSeconds(125).plusMillis(700)));
        assertEquals("0.0 s ago", HumanFormat.ago(Duration.ofMillis(-300)));
    }
}
