package io.colony.manager.internal.json;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @Test
    void readsTheShortForms() {
        assertAll(
                () -> assertEquals(Duration.ofMillis(500), Durations.parse("500ms")),
                () -> assertEquals(Duration.ofSeconds(30), Durations.parse("30s")),
                () -> assertEquals(Duration.ofMinutes(5), Durations.parse("5m")),
                () -> assertEquals(Duration.ofHours(2), Durations.parse("2h")),
                () -> assertEquals(Duration.ofDays(1), Durations.parse("1d")),
                () -> assertEquals(Duration.ofMillis(5_400_250), Durations.parse("1h30m0s250ms")),
                () -> assertEquals(Duration.ofMinutes(5), Durations.parse("5M")),
                () -> assertEquals(Duration.ZERO, Durations.parse("0s")));
    }

    @Test
    void readsIso8601() {
        assertAll(
                () -> assertEquals(Duration.ofSeconds(30), Durations.parse("PT30S")),
                () -> assertEquals(Duration.ofMillis(1500), Durations.parse("pt1.5s")),
                () -> assertEquals(Duration.ofDays(2), Durations.parse("P2D")),
                () -> assertEquals(Duration.ofSeconds(-5), Durations.parse("-PT5S")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "30", " 30s", "30s ", "5 m", "1.5s", "-5s", "5w", "PT", "P1Y", "P1M"})
    void refusesWhatIsNotADuration(String text) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));
        assertEquals("'" + text + "' is not a duration (use 500ms, 30s, 5m, 2h, 1d, 1h30m or ISO-8601 such as PT30S)",
                error.getMessage());
    }

    @Test
    void refusesWhatDoesNotFitADuration() {
        String huge = "9".repeat(30) + "d";
        assertEquals("'" + huge + "' is too long a duration",
                assertThrows(IllegalArgumentException.class, () -> Durations.parse(huge)).getMessage());
    }

    @Test
    void writesTheLargestWholeUnit() {
        assertAll(
                () -> assertEquals("10m", Durations.format(Duration.ofMinutes(10))),
                () -> assertEquals("90s", Durations.format(Duration.ofSeconds(90))),
                () -> assertEquals("2h", Durations.format(Duration.ofHours(2))),
                () -> assertEquals("168h", Durations.format(Duration.ofDays(7))),
                () -> assertEquals("1500ms", Durations.format(Duration.ofMillis(1500))),
                () -> assertEquals("0s", Durations.format(Duration.ZERO)));
    }

    @Test
    void writesIso8601WhereNoShortFormIsExact() {
        assertAll(
                () -> assertEquals("PT0.0000015S", Durations.format(Duration.ofNanos(1500))),
                () -> assertEquals("PT-1M-30S", Durations.format(Duration.ofSeconds(-90))));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 999, 1_000_000, 1_500_000_000L, 60_000_000_000L, 86_400_000_000_001L})
    void readsBackWhatItWrites(long nanos) {
        Duration duration = Duration.ofNanos(nanos);
        assertEquals(duration, Durations.parse(Durations.format(duration)));
    }

    @Test
    void convertsSecondsExactly() {
        assertAll(
                () -> assertEquals(Duration.ofMillis(1500), Durations.ofSeconds(new BigDecimal("1.5"))),
                () -> assertEquals(Duration.ofNanos(1), Durations.ofSeconds(new BigDecimal("1e-9"))),
                () -> assertEquals(Duration.ofSeconds(-2, 500_000_000), Durations.ofSeconds(new BigDecimal("-1.5"))),
                () -> assertEquals("more precise than a nanosecond", assertThrows(IllegalArgumentException.class,
                        () -> Durations.ofSeconds(new BigDecimal("1e-10"))).getMessage()),
                () -> assertEquals("too long a duration", assertThrows(IllegalArgumentException.class,
                        () -> Durations.ofSeconds(new BigDecimal("1e19"))).getMessage()));
    }
}
