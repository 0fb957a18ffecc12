package io.colony.manager.internal.json;

import static io.colony.manager.internal.json.SpecJson.assertRejected;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.colony.api.job.JobRejectedException;
import io.colony.api.job.JobSpec;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JobSpecJsonTaskTimeoutTest {

    static Stream<Arguments> notations() {
        return Stream.of(
                Arguments.of("'30s'", Duration.ofSeconds(30)),
                Arguments.of("'5m'", Duration.ofMinutes(5)),
                Arguments.of("'2h'", Duration.ofHours(2)),
                Arguments.of("'500ms'", Duration.ofMillis(500)),
                Arguments.of("'1d'", Duration.ofDays(1)),
                Arguments.of("'1h30m'", Duration.ofMinutes(90)),
                Arguments.of("'30S'", Duration.ofSeconds(30)),
                Arguments.of("'PT30S'", Duration.ofSeconds(30)),
                Arguments.of("'pt1m30.5s'", Duration.ofMillis(90_500)),
                Arguments.of("'P7D'", Duration.ofDays(7)),
                Arguments.of("30", Duration.ofSeconds(30)),
                Arguments.of("1.5", Duration.ofMillis(1500)),
                Arguments.of("0.000000001", Duration.ofNanos(1)),
                Arguments.of("604800", Duration.ofDays(7)),
                Arguments.of("6.048e5", Duration.ofDays(7)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notations")
    void readsEveryNotation(String notation, Duration expected) throws JobRejectedException {
        assertEquals(expected, SpecJson.read("{'plugin': 'p', 'taskTimeout': " + notation + "}").taskTimeout());
    }

    @Test
    void defaultsToTenMinutes() throws JobRejectedException {
        assertEquals(JobSpec.DEFAULT_TASK_TIMEOUT, SpecJson.read("{'plugin': 'p'}").taskTimeout());
    }

    @Test
    void textThatIsNotADurationIsRefused() {
        String forms = " is not a duration (use 500ms, 30s, 5m, 2h, 1d, 1h30m or ISO-8601 such as PT30S)";
        assertAll(
                () -> assertRejected("{'plugin': 'p', 'taskTimeout': 'soon'}", "taskTimeout", "taskTimeout: 'soon'" + forms),
                () -> assertRejected("{'plugin': 'p', 'taskTimeout': '30'}", "taskTimeout", "taskTimeout: '30'" + forms),
                () -> assertRejected("{'plugin': 'p', 'taskTimeout': '10 s'}", "taskTimeout", "taskTimeout: '10 s'" + forms),
                () -> assertRejected("{'plugin': 'p', 'taskTimeout': '1.5s'}", "taskTimeout", "taskTimeout: '1.5s'" + forms),
                () -> assertRejected("{'plugin': 'p', 'taskTimeout': 'P1M'}", "taskTimeout", "taskTimeout: 'P1M'" + forms),
                () -> assertRejected("{'plugin': 'p', 'taskTimeout': ''}", "taskTimeout", "taskTimeout: ''" + forms));
    }

    @Test
    void zeroAndNegativeTimeoutsAreRefused() {
        assertAll(
                () -> assertRejected("{'plugin': 'p', 'taskTimeout': '0s'}", "taskTimeout", "taskTimeout: must be positive, was '0s'"),
                () -> assertRejected("{'plugin': 'p', 'taskTimeout': 0}", "taskTimeout", "taskTimeout: must be positive, was 0"),
                () -> assertRejected("{'plugin': 'p', 'taskTimeout': -5}", "taskTimeout", "taskTimeout: must be positive, was -5"),
                () -> assertRejected("{'plugin': 'p', 'taskTimeout': 'PT-5S'}", "taskTimeout",
                        "taskTimeout: must be positive, was 'PT-5S'"));
    }

    @Test
    void timeoutsBeyondSevenDaysAreRefused() {
        assertAll(
                () -> assertRejected("{'plugin': 'p', 'taskTimeout': '8d'}", "taskTimeout",
                        "taskTimeout: must be at most 7 days (168h), was '8d'"),
                () -> assertRejected("{'plugin': 'p', 'taskTimeout': 604801}", "taskTimeout",
                        "taskTimeout: must be at most 7 days (168h), was 604801"),
                () -> assertRejected("{'plugin': 'p', 'taskTimeout': 'PT168H0.001S'}", "taskTimeout",
                        "taskTimeout: must be at most 7 days (168h), was 'PT168H0.001S'"),
                () -> assertRejected("{'plugin': 'p', 'taskTimeout': '99999999999999999999999h'}", "taskTimeout",
                        "taskTimeout: '99999999999999999999999h' is too long a duration"),
                () -> assertRejected("{'plugin': 'p', 'taskTimeout': 1e300}", "taskTimeout",
                        "taskTimeout: too long a duration, was 1E+300"));
    }

    @Test
    void timeoutsFinerThanANanosecondAreRefused() {
        assertRejected("{'plugin': 'p', 'taskTimeout': 0.0000000001}", "taskTimeout",
                "taskTimeout: more precise than a nanosecond, was 1E-10");
    }
}
