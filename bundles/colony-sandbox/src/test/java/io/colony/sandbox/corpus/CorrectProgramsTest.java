package io.colony.sandbox.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import correct.BigNumbers;
import correct.ByteTransform;
import correct.DeepRecursion;
import correct.FunctionalStyle;
import correct.Geometry;
import correct.JsonPipeline;
import correct.LongComputation;
import correct.OwnExceptions;
import correct.RecordsEnumsSwitch;
import correct.RefusesBadInput;
import correct.StreamStatistics;
import correct.TextWork;
import correct.TimeArithmetic;
import correct.WordFrequency;
import correct.geometry.Ranking;
import correct.geometry.Shape;
import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.PluginException;
import io.colony.api.source.CompiledSource;
import io.colony.api.source.Isolation;
import io.colony.api.source.SandboxPolicy;
import io.colony.api.source.SourceCode;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Correct programs ({@code src/test/java/correct}) give, through the sandbox, exactly what they give run directly on the
 * JVM, in every isolation the sandbox has; a few known values are checked on top, computed independently.
 */
class CorrectProgramsTest {

    private static TestSandbox sandbox;

    @BeforeAll
    static void startSandbox() throws Exception {
        sandbox = TestSandbox.start();
    }

    @AfterAll
    static void closeSandbox() throws IOException {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    static Stream<Isolation> isolations() {
        return TestSandbox.isolations().stream();
    }

    /** The result through the sandbox, having checked that it equals the result of running the program directly. */
    private static Payload sameAsDirect(Plugin program, SourceCode source, Payload input, Isolation isolation) throws Exception {
        Payload direct = CorrectPrograms.runDirectly(program, input, new RecordingTaskContext("direct"));
        Payload sandboxed = sandboxed(source, input, new RecordingTaskContext("sandboxed"), isolation);
        assertSame(direct, sandboxed);
        return sandboxed;
    }

    private static Payload sandboxed(SourceCode source, Payload input, RecordingTaskContext context, Isolation isolation) throws Exception {
        SandboxPolicy policy = TestPolicies.correct(isolation);
        CompiledSource compiled = sandbox.service().compile(source, policy);
        return sandbox.service().run(compiled, input, context, policy);
    }

    private static void assertSame(Payload direct, Payload sandboxed) {
        assertEquals(direct.contentType(), sandboxed.contentType());
        if (direct.isJson()) {
            Object expected = Json.parse(direct.asText());
            Object actual = Json.parse(sandboxed.asText());
            assertTrue(Json.sameTree(expected, actual), () -> "expected " + direct.asText() + " but was " + sandboxed.asText());
        } else if (direct.isText()) {
            assertEquals(direct.asText(), sandboxed.asText());
        } else {
            assertArrayEquals(direct.bytes(), sandboxed.bytes());
        }
    }

    @ParameterizedTest
    @MethodSource("isolations")
    void countsWordsWithCollections(Isolation isolation) throws Exception {
        Payload input = Payload.text("The cat and the hat. The bat, the rat and a cat! Don't stop: the end");
        String result = sameAsDirect(new WordFrequency(), CorrectPrograms.sourceOf(WordFrequency.class), input, isolation).asText();
        assertTrue(result.startsWith("the=5\nand=2\ncat=2\na=1\nbat=1\n"), result);
        assertTrue(result.endsWith("distinct: 10, total: 16, frequency of 'the': 5"), result);
    }

    @ParameterizedTest
    @MethodSource("isolations")
    void computesWithBigIntegerBigDecimalAndMath(Isolation isolation) throws Exception {
        String result = sameAsDirect(new BigNumbers(), CorrectPrograms.sourceOf(BigNumbers.class), Payload.text("100"), isolation).asText();
        assertTrue(result.startsWith("100! has 158 digits summing to 648\n"), result);
        assertTrue(result.contains("sqrt 2 = 1.4142135623730950488016887242096980785696718753769\n"), result);
        assertTrue(result.contains("19.995 rounded = 20.00, stripped = 12.34"), result);
    }

    @ParameterizedTest
    @MethodSource("isolations")
    void worksWithStringsRegexAndFormatting(Isolation isolation) throws Exception {
        Payload input = Payload.text("alpha = 12, Beta=30 and gamma =  7; Level up!");
        String result = sameAsDirect(new TextWork(), CorrectPrograms.sourceOf(TextWork.class), input, isolation).asText();
        assertTrue(result.contains("assignments: ALPHA:12,BETA:30,GAMMA:7 total 49\n"), result);
        assertTrue(result.contains("palindromes: <level!|radar!|colony|noon!>"), result);
    }

    @ParameterizedTest
    @MethodSource("isolations")
    void streamsSequentially(Isolation isolation) throws Exception {
        String result = sameAsDirect(new StreamStatistics(), CorrectPrograms.sourceOf(StreamStatistics.class), Payload.text("10000"), isolation)
                .asText();
        assertTrue(result.startsWith("primes: 1229, largest 9973\n"), result);
        assertTrue(result.contains("collatz(27) steps: 111, 15! = 1307674368000"), result);
    }

    @ParameterizedTest
    @MethodSource("isolations")
    void usesRecordsEnumsAndSwitches(Isolation isolation) throws Exception {
        String result = sameAsDirect(new RecordsEnumsSwitch(), CorrectPrograms.sourceOf(RecordsEnumsSwitch.class), Payload.text("N3 E4 S1 W2 N2"),
                isolation).asText();
        assertTrue(result.startsWith("at Point[x=2, y=4] (north-east), distance 6\n"), result);
        assertTrue(result.contains("turns to west: 3, kind: HORIZONTAL"), result);
    }

    @ParameterizedTest
    @MethodSource("isolations")
    void usesLambdasAndMethodReferences(Isolation isolation) throws Exception {
        Payload input = Payload.text("Ann;34;Paris\nBob;17;Lyon\nCid;52;Lyon\nDee;29;Oslo\nEve;41;Paris\n");
        String result = sameAsDirect(new FunctionalStyle(), CorrectPrograms.sourceOf(FunctionalStyle.class), input, isolation).asText();
        assertTrue(result.startsWith("composed: 13 16\n"), result);
        assertTrue(result.contains("adults elsewhere: [ANN!, DEE!, EVE!]"), result);
        assertTrue(result.contains("oldest: Cid"), result);
    }

    @ParameterizedTest
    @MethodSource("isolations")
    void catchesItsOwnExceptions(Isolation isolation) throws Exception {
        String result = sameAsDirect(new OwnExceptions(), CorrectPrograms.sourceOf(OwnExceptions.class), Payload.text("5, x, 2000, 0, 250"),
                isolation).asText();
        assertTrue(result.startsWith("valid 2, total 204\n"), result);
        assertTrue(result.contains("invalid(400): not a number: 'x' <- NumberFormatException"), result);
        assertTrue(result.contains("caught failed while using suppressed 1: cannot close b"), result);
        assertTrue(result.contains("overflow: integer overflow"), result);
    }

    @ParameterizedTest
    @MethodSource("isolations")
    void usesThePluginApiJsonProgressAndLogger(Isolation isolation) throws Exception {
        Payload input = Payload.json("{\"label\": \"batch\", \"scale\": 2.5, \"numbers\": [1, 2, 3.5, 4]}");
        RecordingTaskContext direct = new RecordingTaskContext("direct");
        Payload expected = CorrectPrograms.runDirectly(new JsonPipeline(), input, direct);
        RecordingTaskContext context = new RecordingTaskContext("sandboxed");
        Payload result = sandboxed(CorrectPrograms.sourceOf(JsonPipeline.class), input, context, isolation);
        assertSame(expected, result);
        Object summary = ((Map<?, ?>) Json.parse(result.asText())).get("summary");
        assertTrue(Json.sameTree(Json.parse("{\"label\":\"batch\",\"count\":4,\"sum\":10.5,\"mean\":2.625,\"scaled\":[2.5,5.0,8.75,10.0]}"), summary),
                () -> "summary " + summary);
        assertEquals(direct.logLines(), context.logLines());
        assertEquals(List.of("INFO summing 4 numbers for batch", "INFO done with batch"), context.logLines());
        List<Double> progress = context.progressReports();
        assertFalse(progress.isEmpty(), "no progress reached the context");
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i) >= progress.get(i - 1), () -> "progress went back: " + progress);
        }
        assertEquals(1.0, progress.get(progress.size() - 1), () -> "the last progress report: " + progress);
    }

    @ParameterizedTest
    @MethodSource("isolations")
    void reportsItsOwnPluginExceptionWithItsMessage(Isolation isolation) throws Exception {
        SourceCode source = CorrectPrograms.sourceOf(RefusesBadInput.class);
        assertEquals("144", sameAsDirect(new RefusesBadInput(), source, Payload.text("12"), isolation).asText());
        for (String bad : List.of("-4", "twelve")) {
            String direct = assertThrows(PluginException.class,
                    () -> CorrectPrograms.runDirectly(new RefusesBadInput(), Payload.text(bad), new RecordingTaskContext("direct"))).getMessage();
            PluginException sandboxed = assertThrows(PluginException.class,
                    () -> sandboxed(source, Payload.text(bad), new RecordingTaskContext("sandboxed"), isolation));
            assertTrue(sandboxed.getMessage().contains(direct), () -> "'" + sandboxed.getMessage() + "' does not say '" + direct + "'");
        }
    }

    @ParameterizedTest
    @MethodSource("isolations")
    void compilesSeveralFilesAndPackages(Isolation isolation) throws Exception {
        Payload input = Payload.text("circle 1\nrectangle 2 3\nrectangle 2 2\ntriangle 3 4 5\ntriangle 1 1 5\n");
        String result = sameAsDirect(new Geometry(), CorrectPrograms.sourceOf(Geometry.class, Shape.class, Ranking.class), input, isolation)
                .asText();
        assertTrue(result.startsWith("1. circle of area 3.142, round(1.0)\n2. rectangle of area 6.000, oblong\n"), result);
        assertTrue(result.contains("ranked: 6.00 6.00 4.00 3.14 0.00, best: 6.00\n"), result);
        assertTrue(result.contains("names: zucchini,pear,fig,apple"), result);
    }

    @ParameterizedTest
    @MethodSource("isolations")
    void computesWithJavaTime(Isolation isolation) throws Exception {
        String result = sameAsDirect(new TimeArithmetic(), CorrectPrograms.sourceOf(TimeArithmetic.class), Payload.text("2024-02-29"), isolation)
                .asText();
        assertTrue(result.startsWith("2024-02-29 is a THURSDAY, day 60, leap year true\n"), result);
        assertTrue(result.contains("a year later: 2025-02-28, next friday: 2024-03-01"), result);
    }

    @ParameterizedTest
    @MethodSource("isolations")
    void finishesSecondsOfHonestWorkWithinItsLimits(Isolation isolation) throws Exception {
        Payload input = Payload.text("2000000");
        long start = System.nanoTime();
        Payload direct = CorrectPrograms.runDirectly(new LongComputation(), input, new RecordingTaskContext("direct"));
        long directNanos = System.nanoTime() - start;
        SandboxPolicy policy = TestPolicies.correct(isolation);
        CompiledSource compiled = sandbox.service().compile(CorrectPrograms.sourceOf(LongComputation.class), policy);
        RecordingTaskContext context = new RecordingTaskContext("sandboxed");
        start = System.nanoTime();
        Payload sandboxed = sandbox.service().run(compiled, input, context, policy);
        long sandboxedNanos = System.nanoTime() - start;
        assertSame(direct, sandboxed);
        assertTrue(sandboxed.asText().endsWith(", 148933 primes"), sandboxed.asText());
        assertFalse(context.progressReports().isEmpty(), "no progress reached the context");
        System.out.printf("LongComputation(2000000), %s: directly %d ms, run through the sandbox %d ms (compiled before)%n", isolation.configName(),
                directNanos / 1_000_000, sandboxedNanos / 1_000_000);
    }

    @ParameterizedTest
    @MethodSource("isolations")
    void recursesThousandsOfFramesDeep(Isolation isolation) throws Exception {
        String result = sameAsDirect(new DeepRecursion(), CorrectPrograms.sourceOf(DeepRecursion.class), Payload.text("4000"), isolation).asText();
        assertTrue(result.startsWith("sum 8002000, even true, ackermann(2, 300) 603, hanoi(16) 65535"), result);
    }

    @ParameterizedTest
    @MethodSource("isolations")
    void transformsBinaryPayloads(Isolation isolation) throws Exception {
        byte[] bytes = new byte[256];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        Payload result = sameAsDirect(new ByteTransform(), CorrectPrograms.sourceOf(ByteTransform.class), Payload.of(bytes, Payload.BINARY), isolation);
        byte[] out = result.bytes();
        assertEquals(Payload.BINARY, result.contentType());
        assertEquals(264, out.length);
        assertEquals((byte) (255 ^ 0x5a), out[8]);
        assertEquals(Arrays.hashCode(Arrays.copyOfRange(out, 8, out.length)), ((out[0] & 0xff) << 24) | ((out[1] & 0xff) << 16) | ((out[2] & 0xff) << 8) | (out[3] & 0xff));
    }

    @ParameterizedTest
    @MethodSource("isolations")
    void compilesTheSameSourceOnceAndRunsItAgain(Isolation isolation) throws Exception {
        SourceCode source = CorrectPrograms.sourceOf(StreamStatistics.class);
        SandboxPolicy policy = TestPolicies.correct(isolation);
        sandbox.service().compile(source, policy);
        CompiledSource again = sandbox.service().compile(source, policy);
        assertTrue(again.fromCache(), "the second compilation of the same source did not come from the cache");
        Payload first = sandbox.service().run(again, Payload.text("100"), new RecordingTaskContext("first"), policy);
        Payload second = sandbox.service().run(again, Payload.text("100"), new RecordingTaskContext("second"), policy);
        assertEquals(first, second);
        assertTrue(first.asText().startsWith("primes: 25, largest 97\n"), first.asText());
    }
}
