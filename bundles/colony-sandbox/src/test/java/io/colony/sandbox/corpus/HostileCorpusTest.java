package io.colony.sandbox.corpus;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import correct.WordFrequency;
import io.colony.api.plugin.Payload;
import io.colony.api.source.Isolation;
import io.colony.api.source.LimitExceededException.Limit;
import io.colony.api.source.SandboxPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * corpus the sandbox still runs an ordinary program correctly.
 */
class HostileCorpusTest {

    private static final String CORPUS = "/hostile";
    /** The longest a program may keep the test: the compile limit, the wall time and the sandbox's grace, with room to spare. */
    private static final Duration TRIAL_TIMEOUT = Duration.ofSeconds(40);
    private static final Payload INPUT = Payload.text("hostile");
    private static final String ORDINARY_TEXT = "the quick brown fox jumps over the lazy dog and the dog sleeps";

    private static TestSandbox sandbox;
    private static final Map<Isolation, List<ActualOutcome>> OUTCOMES = Collections.synchronizedMap(new EnumMap<>(Isolation.class));
    private static final List<String> SUMMARY = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void startSandbox() throws Exception {
        sandbox = TestSandbox.start();
        RecordingTaskContext context = new RecordingTaskContext("warm-up");
        // javac's first compilation in a JVM takes seconds; warm it so that only the compile bomb meets the compile limit
        Trial.attempt(sandbox.service(), () -> CorrectPrograms.sourceOf(WordFrequency.class), Payload.text("warm up"), context,
                TestPolicies.correct(Isolation.IN_PROCESS));
    }

    @AfterAll
    static void closeSandbox() {
        System.out.println("hostile corpus outcomes (program, isolation, milliseconds, outcome):");
        SUMMARY.forEach(System.out::println);
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

    @TestFactory
    Stream<DynamicNode> everyHostileProgramIsRefusedOrContainedAndTheWorkerStillRunsOrdinaryJobs() {
        List<HostileProgram> corpus = HostileProgram.loadAll(CORPUS);
        return TestSandbox.isolations().stream().map(isolation -> dynamicContainer(isolation.configName(), Stream.of(
                corpus.stream().map(program -> (DynamicNode) dynamicTest(program.name() + ": " + program.description(),
                        () -> refusedOrContained(program, isolation))),
                Stream.of(dynamicTest("after the corpus, an ordinary program still runs and gives the right result",
                                () -> ordinaryProgramStillRuns(isolation)),
                        dynamicTest("every limit the corpus met is named with its key in etc/io.colony.trust.cfg",
                                () -> limitMessagesNameTheirTrustPolicyKeys(isolation))),
                isolation == Isolation.IN_PROCESS
                        ? Stream.of(dynamicTest("no sandbox thread runs on beyond those the sandbox reports abandoned",
                                HostileCorpusTest::noStrayThreads))
                        : Stream.<DynamicNode>empty())
                .flatMap(nodes -> nodes)));
    }

    private static void refusedOrContained(HostileProgram program, Isolation isolation) throws IOException {
        for (Path marker : program.marker().stream().toList()) {
            Files.deleteIfExists(marker);
        }
        RecordingTaskContext context = new RecordingTaskContext("hostile-" + program.name());
        SandboxPolicy policy = program.policy(TestPolicies.hostile(isolation));
        program.cancelAfter().ifPresent(delay -> cancelLater(context, delay));
        long start = System.nanoTime();
        ActualOutcome actual = assertTimeoutPreemptively(TRIAL_TIMEOUT,
                () -> Trial.attempt(sandbox.service(), program::source, INPUT, context, policy),
                () -> program + " was neither refused nor stopped within " + TRIAL_TIMEOUT.toSeconds() + " s");
        long millis = (System.nanoTime() - start) / 1_000_000;
        OUTCOMES.computeIfAbsent(isolation, i -> Collections.synchronizedList(new ArrayList<>())).add(actual);
        SUMMARY.add(String.format("%-45s %-10s %6d  %s", program.name(), isolation.configName(), millis, oneLine(actual)));
        assertAll(
                () -> assertTrue(program.accepts(actual),
                        () -> program + " should end as " + program.outcomes() + ", but ended as " + actual),
                () -> assertReadable(actual, policy.resultBytes()),
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
        List<String> unnamed = new ArrayList<>();
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
                + String.join("\n", new HashSet<>(unnamed)));
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
                .filter(outcome -> outcome.stage() == Stage.COMPILE && outcome.message().toLowerCase(java.util.Locale.ROOT).contains("time"))
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
