package io.colony.manager.internal.json;

import static io.colony.manager.internal.json.SpecJson.assertRejected;
import static io.colony.manager.internal.json.SpecJson.rejection;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.job.JobRejectedException;
import io.colony.api.job.JobSpec;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JobSpecJsonBodyErrorsTest {

    /** A Java class or method name, as Jackson puts in some of its messages. */
    private static final Pattern JAVA_NAME = Pattern.compile("[a-z]+\\.[a-z]+\\.|[A-Z][a-z]+[A-Z][A-Za-z]*\\.|`|Source|REDACTED|byte\\[\\]");

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n\t \r\n"})
    void emptyBodyIsRefused(String body) {
        assertRejected(body, "", "the body is empty");
    }

    @Test
    void arrayBodyIsRefused() {
        assertRejected("[{'plugin':'primes'}]", "", "the body must be a JSON object, not an array");
    }

    @Test
    void scalarBodiesAreRefused() {
        assertAll(
                () -> assertRejected("'primes'", "", "the body must be a JSON object, not a string"),
                () -> assertRejected("42", "", "the body must be a JSON object, not a number"),
                () -> assertRejected("true", "", "the body must be a JSON object, not a boolean"),
                () -> assertRejected("null", "", "the body must be a JSON object, not null"));
    }

    @Test
    void malformedJsonIsRefusedWithItsLineAndColumn() {
        assertRejected("{'plugin': 'primes',}", "",
                "not valid JSON: Unexpected character ('}' (code 125)): was expecting double-quote to start field name"
                        + " (line 1, column 21)");
        assertRejected("{\n  'plugin': 'primes'\n  'retries': 2\n}", "",
                "not valid JSON: Unexpected character ('\"' (code 34)): was expecting comma to separate Object entries"
                        + " (line 3, column 3)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{'plugin': 'primes'", "{'targets': {'workers': ['a'", "{'plugin': 'pri", "{'plugin': tru}",
        "{plugin: 'primes'}", "{'plugin': 'primes'}}", "{'a': [1}", "{'a': NaN}", "{'a': 1 // comment\n}",
        "{'a': +1}", "{'a': Infinity}"})
    void malformedJsonIsRefusedWithoutJavaNames(String body) {
        JobRejectedException rejection = rejection(body);
        assertAll(
                () -> assertEquals(JobRejectedException.Reason.INVALID, rejection.reason()),
                () -> assertEquals("", rejection.field()),
                () -> assertTrue(rejection.getMessage().startsWith("not valid JSON: "), rejection.getMessage()),
                () -> assertTrue(rejection.getMessage().matches(".*\\(line \\d+, column \\d+\\)"), rejection.getMessage()),
                () -> assertFalse(JAVA_NAME.matcher(rejection.getMessage()).find(), rejection.getMessage()));
    }

    @Test
    void unclosedArrayPointsAtWhereItStarted() {
        assertRejected("{'targets': {'workers': ['a'", "",
                "not valid JSON: Unexpected end-of-input: expected close marker for Array (start marker at line 1,"
                        + " column 25) (line 1, column 29)");
    }

    @Test
    void contentAfterTheObjectIsRefused() {
        assertRejected("{'plugin': 'primes'} {'plugin': 'other'}", "",
                "unexpected content after the JSON object (line 1, column 22)");
    }

    @Test
    void bodyThatIsNotUtf8IsRefused() {
        byte[] latin1 = "{\"plugin\": \"café\"}".getBytes(StandardCharsets.ISO_8859_1);
        JobRejectedException rejection = rejection(latin1);
        assertEquals("", rejection.field());
        assertEquals("the body is not UTF-8: malformed byte at offset 15", rejection.getMessage());
    }

    @Test
    void leadingByteOrderMarkIsIgnored() throws JobRejectedException {
        byte[] body = "\uFEFF{\"plugin\": \"primes\"}".getBytes(StandardCharsets.UTF_8);
        assertEquals(JobSpec.plugin("primes").build(), SpecJson.CODEC.read(body));
    }

    @Test
    void duplicateTopLevelKeyIsNamed() {
        assertRejected("{'plugin': 'primes', 'retries': 1, 'retries': 2}", "retries",
                "retries: the field appears twice in its object (line 1, column 45)");
    }

    @Test
    void duplicateNestedKeyIsNamedByItsPath() {
        assertRejected("{'plugin': 'primes', 'targets': {'workers': ['a'], 'workers': ['b']}}", "targets.workers",
                "targets.workers: the field appears twice in its object (line 1, column 61)");
        assertRejected("{'plugin': 'primes', 'input': {'k': [0, {'x': 1, 'x': 2}]}}", "input.k[1].x",
                "input.k[1].x: the field appears twice in its object (line 1, column 53)");
        assertRejected("{'input': 1, 'plugin': 'primes', 'input': 2}", "input",
                "input: the field appears twice in its object (line 1, column 41)");
    }

    @Test
    void nestingBeyondJacksonsLimitIsRefused() {
        String body = "{'plugin': 'p', 'input': " + JobSpecJsonRoundTripTest.nestedArrays(1000) + "}";
        assertRejected(body, "", "the JSON exceeds a limit: Document nesting depth (1001) exceeds the maximum allowed"
                + " (1000) (line 1, column 1026)");
    }

    @Test
    void nestingUpToJacksonsLimitIsRead() throws JobRejectedException {
        String input = JobSpecJsonRoundTripTest.nestedArrays(999);
        assertEquals(input, SpecJson.read("{'plugin': 'p', 'input': " + input + "}").input().asText());
    }

    @Test
    void numberLongerThanJacksonsLimitIsRefused() {
        JobRejectedException rejection = rejection("{'plugin': 'p', 'retries': " + "9".repeat(1001) + "}");
        assertEquals("", rejection.field());
        assertTrue(rejection.getMessage().startsWith("the JSON exceeds a limit: Number value length (1001) exceeds the"
                + " maximum allowed (1000)"), rejection.getMessage());
    }
}
