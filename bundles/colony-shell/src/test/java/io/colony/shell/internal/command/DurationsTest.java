package io.colony.shell.internal.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @Test
    void readsTheShortForms() {
        assertEquals(Duration.ofMillis(500), Durations.parse("500ms"));
        assertEquals(Duration.ofSeconds(30), Durations.parse("30s"));
        assertEquals(Duration.ofMinutes(5), Durations.parse("5m"));
        assertEquals(Duration.ofHours(2), Durations.parse("2h"));
        assertEquals(Duration.ofDays(1), Durations.parse("1d"));
        assertEquals(Duration.ofMinutes(90), Durations.parse("1h30m"));
        assertEquals(Duration.ofSeconds(30), Durations.parse(" 30S "));
    }

    @Test
    void readsIso8601() {
        assertEquals(Duration.ofSeconds(30), Durations.parse("PT30S"));
        assertEquals(Duration.ofMinutes(1), Durations.parse("pt1m"));
        assertEquals(Duration.ofDays(2), Durations.parse("P2D"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "30", "5 m", "1.5s", "PT", "P1Y", "-5s", "5w"})
    void refusesWhatIsNotADuration(String text) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));
        assertEquals("'" + text + "' is not a duration (use 500ms, 30s, 5m, 2h or ISO-8601 like PT30S)", error.getMessage());
    }

    @Test
    void refusesZeroNegativeAndOverlongDurations() {
        assertEquals("'0ms' is not a positive duration",
                assertThrows(IllegalArgumentException.class, () -> Durations.parse("0ms")).getMessage());
        assertEquals("'PT-5S' is not a positive duration",
                assertThrows(IllegalArgumentException.class, () -> Durations.parse("PT-5S")).getMessage());
        assertEquals("'31d' is longer than the limit of 30d",
                assertThrows(IllegalArgumentException.class, () -> Durations.parse("31d")).getMessage());
    }
}
