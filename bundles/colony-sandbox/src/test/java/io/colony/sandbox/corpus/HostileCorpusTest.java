package io.colony.sandbox.corpus;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import correct.WordFrequency;
import io.colony.api.plugin.Payload;
import io.colony.api.plugin.PluginException;
import io.colony.api.source.CompiledSource;
import io.colony.api.source.Isolation;
import io.colony.api.source.LimitExceededException.Limit;
import io.colony.api.source.SandboxPolicy;
import io.colony.api.source.SourceCode;
import io.colony.api.source.VerificationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every program of the hostile corpus ({@code src/test/resources/hostile}) goes through the sandbox in every isolation it
 * has, and must be refused or stopped as its {@code expect.properties} says, with a reason a user can read; after the
 * corpus the sandbox still runs an ordinary program correctly, and nothing of the corpus runs on.
 */
class HostileCorpusTest {

    private static final String CORPUS = "/hostile";
    /** Programs tried at once in one isolation: the sandbox's in-process places, and few enough children for 2 cores. */
    private static final int PARALLEL_TRIALS = 2;
    /** The longest a program may wait and keep the test: queued behind others, compiled, run to its limit and stopped. */
    private static final Duration TRIAL_TIMEOUT = Duration.ofSeconds(120);
    private static final Payload INPUT = Payload.text("hostile");
    private static final String ORDINARY_TEXT = "the quick brown fox jumps over the lazy dog and the dog sleeps";

    private static TestSandbox sandbox;
    private static final Map<Isolation, CorpusTrials> TRIALS = new EnumMap<>(Isolation.class);
    private static final Map<Isolation, List<ActualOutcome>> OUTCOMES = Collections.synchronizedMap(new EnumMap<>(Isolation.class));
    private static final List<String> SUMMARY = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void startSandbox() throws Exception {
        sandbox = TestSandbox.start();
        // javac's first compilation in a JVM takes seconds; warm it so that only the compile bomb meets the compile limit
        Trial.attempt(sandbox.service(), () -> CorrectPrograms.sourceOf(WordFrequency.class), Payload.text("warm up"),
                new RecordingTaskContext("warm-up"), TestPolicies.correct(Isolation.IN_PROCESS));
    }

    @AfterAll
    static void closeSandbox() throws IOException {
        TRIALS.values().forEach(CorpusTrials::close);
        System.out.println("hostile corpus outcomes (program, isolation, milliseconds, outcome):");
        SUMMARY.stream().sorted().forEach(System.out::println);
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void theCorpusHoldsAtLeastFortyDistinctPrograms() {
        List<HostileProgram> corpus = HostileProgram.loadAll(CORPUS);
        assertTrue(corpus.size() >= 40, "only " + corpus.size() + " programs");
        Set<String> descriptions = new HashSet<>();
        for (HostileProgram program : corpus) {
            assertFalse(program.files().isEmpty(), program + " has no .java file");
            assertFalse(program.description().isBlank(), program + " does not say what it tries");
            assertTrue(descriptions.add(program.description()), program + " repeats the description of another program");
            assertFalse(program.outcomes().isEmpty(), program + " expects nothing");
        }
    }

    /** What an operator allowed for one policy is not allowed for another: neither through the cache nor by running it. */
    @Test
    void anAllowlistEntryOfOnePolicyIsNotCarriedToAnother() throws Exception {
        SourceCode source = SourceCode.of("zone/Zone.java", String.join("\n",
                "package zone;",
                "import io.colony.api.plugin.*;",
                "public class Zone implements Plugin {",
                "    @Override",
                "    public Payload execute(Payload input, TaskContext context) {",
                "        return Payload.text(java.util.TimeZone.getTimeZone(\"UTC\").getID());",
                "    }",
                "}"), "zone.Zone");
        SandboxPolicy strict = TestPolicies.hostile(Isolation.IN_PROCESS);
        SandboxPolicy allowing = new SandboxPolicy(strict.isolation(), strict.wallTime(), strict.cpuTime(), strict.memoryBytes(), strict.resultBytes(),
                strict.logBytes(), List.of("java.util.TimeZone"));
        CompiledSource allowed = sandbox.service().compile(source, allowing);
        assertEquals("UTC", sandbox.service().run(allowed, INPUT, new RecordingTaskContext("allowed"), allowing).asText());
        VerificationException refused = assertThrows(VerificationException.class, () -> sandbox.service().compile(source, strict));
        assertTrue(refused.getMessage().contains("java.util.TimeZone"), refused.getMessage());
        assertThrows(PluginException.class, () -> sandbox.service().run(allowed, INPUT, new RecordingTaskContext("strict"), strict));
    }

    @TestFactory
    Stream<DynamicNode> everyHostileProgramIsRefusedOrContainedAndTheWorkerStillRunsOrdinaryJobs() {
        List<HostileProgram> corpus = HostileProgram.loadAll(CORPUS);
        return TestSandbox.isolations().stream().map(isolation -> {
            List<HostileProgram> tried = corpus.stream().filter(program -> program.triedIn(isolation) && selected(program)).toList();
            CorpusTrials trials = new CorpusTrials(tried, PARALLEL_TRIALS, "hostile corpus " + isolation.configName(),
                    program -> attempt(program, isolation));
            TRIALS.put(isolation, trials);
            Stream<DynamicNode> programs = tried.stream().map(program -> dynamicTest(program.name() + ": " + program.description(),
                    () -> refusedOrContained(program, isolation, trials)));
            Stream<DynamicNode> afterwards = Stream.of(
                    dynamicTest("after the corpus, an ordinary program still runs and gives the right result", () -> ordinaryProgramStillRuns(isolation)),
                    dynamicTest("every limit the corpus met is named with its key in etc/io.colony.trust.cfg",
                            () -> limitMessagesNameTheirTrustPolicyKeys(isolation)),
                    isolation == Isolation.IN_PROCESS
                            ? dynamicTest("no sandbox thread runs on beyond those the sandbox reports abandoned", HostileCorpusTest::noStrayThreads)
                            : dynamicTest("no child JVM runs on and no child's directory is left", HostileCorpusTest::noChildLeft));
            return dynamicContainer(isolation.configName(), Stream.concat(programs, afterwards));
        });
    }

    /** All programs, or those whose names start with one of the prefixes of -Dhostile.only (043,044-class), to try a few. */
    private static boolean selected(HostileProgram program) {
        String only = System.getProperty("hostile.only", "").trim();
        return only.isEmpty() || Arrays.stream(only.split(",")).map(String::trim).anyMatch(program.name()::startsWith);
    }

    /** One program through the sandbox, as a worker would run it; on a thread of the isolation's {@link CorpusTrials}. */
    private static ActualOutcome attempt(HostileProgram program, Isolation isolation) {
        for (Path marker : program.marker().stream().toList()) {
            try {
                Files.deleteIfExists(marker);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        RecordingTaskContext context = new RecordingTaskContext("hostile-" + program.name());
        program.cancelAfter().ifPresent(delay -> cancelLater(context, delay));
        return Trial.attempt(sandbox.service(), program::source, INPUT, context, policy(program, isolation));
    }

    private static SandboxPolicy policy(HostileProgram program, Isolation isolation) {
        return program.policy(TestPolicies.hostile(isolation));
    }

    private static void refusedOrContained(HostileProgram program, Isolation isolation, CorpusTrials trials) throws Exception {
        CorpusTrials.Result result;
        try {
            result = trials.await(program, TRIAL_TIMEOUT);
        } catch (TimeoutException e) {
            throw new AssertionError(program + " was neither refused nor stopped within " + TRIAL_TIMEOUT.toSeconds() + " s", e);
        }
        ActualOutcome actual = result.outcome();
        OUTCOMES.computeIfAbsent(isolation, i -> Collections.synchronizedList(new ArrayList<>())).add(actual);
        SUMMARY.add(String.format(Locale.ROOT, "%-45s %-10s %6d  %s", program.name(), isolation.configName(), result.millis(), oneLine(actual)));
        assertAll(
                () -> assertTrue(program.accepts(actual),
                        () -> program + " should end as " + program.outcomes() + ", but ended as " + actual),
                () -> assertReadable(actual, policy(program, isolation).resultBytes()),
                () -> {
                    for (Path marker : program.marker().stream().toList()) {
                        assertFalse(Files.exists(marker), program + " created " + marker);
                    }
                });
    }

    /** Cancels the task as a worker does when a user kills the job. Compilation is cached or quick, so the run has started by then. */
    private static void cancelLater(RecordingTaskContext context, Duration delay) {
        Thread canceller = new Thread(() -> {
            try {
                Thread.sleep(delay.toMillis());
                context.cancel();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "cancels " + context.taskId());
        canceller.setDaemon(true);
        canceller.start();
    }

    /**
     * A reason a user can read: not empty, no stack trace, no larger than the policy lets a result be (or the failure
     * would carry what the result and log limits keep out), and nothing of the program's own classes in what was thrown.
     */
    private static void assertReadable(ActualOutcome actual, int largestMessage) {
        if (actual.stage() == Stage.RAN) {
            return;
        }
        assertAll(
                () -> assertTrue(actual.programClasses().isEmpty(),
                        () -> "the caller received the program's own classes " + actual.programClasses() + " in the failure"),
                () -> assertFalse(actual.message().isBlank(), "the " + actual.stage().configName() + " failure has no message"),
                () -> assertFalse(actual.message().contains("\tat "), () -> "the message carries a stack trace: " + actual),
                () -> assertTrue(actual.message().length() <= largestMessage,
                        () -> "a message of " + actual.message().length() + " characters, more than the " + largestMessage
                                + " bytes a result may have: " + actual.message().substring(0, 200) + "..."));
    }

    private static void ordinaryProgramStillRuns(Isolation isolation) throws Exception {
        Payload input = Payload.text(ORDINARY_TEXT);
        Payload direct = CorrectPrograms.runDirectly(new WordFrequency(), input, new RecordingTaskContext("direct"));
        RecordingTaskContext context = new RecordingTaskContext("ordinary-after-corpus");
        ActualOutcome actual = assertTimeoutPreemptively(TRIAL_TIMEOUT, () -> Trial.attempt(sandbox.service(),
                () -> CorrectPrograms.sourceOf(WordFrequency.class), input, context, TestPolicies.correct(isolation)));
        assertEquals(Stage.RAN, actual.stage(), () -> "the ordinary program did not run: " + actual);
        assertEquals(direct.asText(), actual.detail());
        assertTrue(actual.detail().startsWith("the=3\n"), actual.detail());
    }

    private static void limitMessagesNameTheirTrustPolicyKeys(Isolation isolation) {
        List<ActualOutcome> outcomes = OUTCOMES.getOrDefault(isolation, List.of());
        Set<String> unnamed = new HashSet<>();
        synchronized (outcomes) {
            for (ActualOutcome outcome : outcomes) {
                Limit limit = outcome.stage() == Stage.RUN ? limitNamed(outcome.detail()) : null;
                String key = limit == null ? null : TestPolicies.LIMIT_KEYS.get(limit);
                if (key != null && !outcome.message().contains(key)) {
                    unnamed.add(outcome.detail() + " (wants " + key + "): " + outcome.message());
                }
            }
        }
        assertTrue(unnamed.isEmpty(), () -> unnamed.size() + " limit messages do not name the key that sets the limit:\n"
                + String.join("\n", unnamed));
    }

    private static Limit limitNamed(String name) {
        for (Limit limit : Limit.values()) {
            if (limit.name().equals(name)) {
                return limit;
            }
        }
        return null;
    }

    /** Threads still running programs or javac after the corpus are only those the sandbox said it could not stop. */
    private static void noStrayThreads() throws InterruptedException {
        long compileTimeouts = OUTCOMES.getOrDefault(Isolation.IN_PROCESS, List.of()).stream()
                .filter(outcome -> outcome.stage() == Stage.COMPILE && outcome.message().toLowerCase(Locale.ROOT).contains("time"))
                .count();
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        List<String> runs;
        List<String> compilers;
        do {
            Thread.sleep(100);
            runs = liveThreads(TestSandbox.RUN_THREAD_PREFIXES);
            compilers = liveThreads(TestSandbox.COMPILER_THREAD_PREFIXES);
        } while ((runs.size() > sandbox.abandonedRuns() || compilers.size() > compileTimeouts) && System.nanoTime() < deadline);
        List<String> liveRuns = runs;
        List<String> liveCompilers = compilers;
        assertAll(
                () -> assertTrue(liveRuns.size() <= sandbox.abandonedRuns(),
                        () -> liveRuns.size() + " run threads live, " + sandbox.abandonedRuns() + " reported abandoned: " + liveRuns),
                () -> assertTrue(liveCompilers.size() <= compileTimeouts,
                        () -> liveCompilers.size() + " compiler threads live, " + compileTimeouts + " compilations stopped at the time limit: "
                                + liveCompilers));
    }

    /** Every child ended (killed at its limit, or done) and its directory was removed. */
    private static void noChildLeft() throws InterruptedException, IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!TestSandbox.liveChildren().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        List<String> live = TestSandbox.liveChildren().stream()
                .map(child -> child.pid() + " " + child.info().commandLine().orElse("?")).toList();
        if (!live.isEmpty()) {
            fail("child JVMs still running: " + live);
        }
        assertEquals(List.of(), sandbox.leftByChildren(), "left by children");
    }

    private static List<String> liveThreads(List<String> prefixes) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && prefixes.stream().anyMatch(thread.getName()::startsWith))
                .map(thread -> thread.getName() + " " + thread.getState())
                .collect(Collectors.toList());
    }

    private static String oneLine(ActualOutcome actual) {
        String text = actual.toString().replace('\n', ' ');
        return text.length() > 220 ? text.substring(0, 220) + "..." : text;
    }
}
