package io.colony.sandbox.internal.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.source.Isolation;
import io.colony.api.source.LimitExceededException;
import io.colony.api.source.LimitExceededException.Limit;
import io.colony.api.source.SandboxPolicy;
import io.colony.sandbox.internal.process.protocol.Frame;
import io.colony.sandbox.internal.process.protocol.FrameType;
import io.colony.sandbox.internal.run.TestContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worker's own defences against a child, whatever its guards do: children that burn CPU, fall silent, break
 * the protocol, announce a huge result or flood the log are killed, each with the limit or reason it broke.
 */
class CompromisedChildTest {

    private static final Duration GRACE = Duration.ofMillis(200);
    private static final SandboxPolicy POLICY = new SandboxPolicy(Isolation.PROCESS, Duration.ofSeconds(30), Duration.ofSeconds(30), 64L << 20,
            1 << 20, 10_000, List.of());

    @TempDir
    Path work;

    private final ChildProcesses children = new ChildProcesses();
    private ChildLauncher launcher;

    @AfterEach
    void allGone() throws Exception {
        if (launcher != null) {
            launcher.close();
        }
        children.awaitAllGone(Duration.ofSeconds(5));
        ChildProcesses.assertEmpty(work);
    }

    private Child start(Class<?> main) throws Exception {
        ProcessSettings settings = ProcessSettings.defaults(work);
        Path testClasses = Path.of(MisbehavingChildren.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ChildClassPath classPath = () -> {
            List<Path> entries = new ArrayList<>(new CodeSourceClassPath().entries());
            entries.add(testClasses);
            return entries;
        };
        launcher = new ChildLauncher(settings, classPath, children::add, new JavaCommand(JavaCommand.javaOfThisJvm(), settings, main.getName()));
        Child child = launcher.launch(64L << 20);
        child.expect(RunAnswer.limits(POLICY));
        child.sendInBackground(Frame.empty(FrameType.CANCEL)); // a request; these children do not care which
        return child;
    }

    private static Outcome converse(Child child, Conversation.Watch watch, RunAnswer answer) {
        try (child) {
            return new Conversation(child, watch).await(answer, () -> false);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Conversation.Watch watch(Duration wallTime, Duration cpuTime) {
        return new Conversation.Watch(wallTime, Optional.of(cpuTime), GRACE, ProcessRunner.MESSAGES);
    }

    @Test
    void aChildBurningCpuOnThreadsOfItsOwnIsKilledAtItsCpuTime() throws Exception {
        long start = System.nanoTime();
        Outcome outcome = converse(start(MisbehavingChildren.BurnsCpu.class), watch(Duration.ofSeconds(30), Duration.ofMillis(400)),
                new RunAnswer("demo.X", new TestContext(), POLICY));
        assertEquals(Limit.CPU_TIME, ((Outcome.Exceeded) outcome).limit());
        assertTrue(((Outcome.Exceeded) outcome).message().contains("source.cpu.seconds"), outcome.toString());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(8).toNanos());
        children.assertAllGone();
    }

    @Test
    void aSilentChildIsKilledAtItsWallTimeAndTheGracePeriod() throws Exception {
        Child child = start(MisbehavingChildren.Silent.class);
        long start = System.nanoTime();
        Outcome outcome = converse(child, watch(Duration.ofMillis(800), Duration.ofSeconds(30)), new RunAnswer("demo.X", new TestContext(), POLICY));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(Limit.WALL_TIME, ((Outcome.Exceeded) outcome).limit());
        assertTrue(took.compareTo(Duration.ofMillis(1000)) >= 0 && took.compareTo(Duration.ofSeconds(3)) < 0, "took " + took);
        children.assertAllGone();
    }

    @Test
    void aChildWritingSomethingElseThanFramesIsKilledForBreakingTheProtocol() throws Exception {
        Outcome outcome = converse(start(MisbehavingChildren.WritesGarbage.class), watch(Duration.ofSeconds(30), Duration.ofSeconds(30)),
                new RunAnswer("demo.X", new TestContext(), POLICY));
        assertTrue(((Outcome.Failed) outcome).message().startsWith("it broke the protocol: unknown frame type"), outcome.toString());
        children.assertAllGone();
    }

    @Test
    void aResultAnnouncedLargerThanTheLimitIsRefusedUnreadAsResultSize() throws Exception {
        RunAnswer answer = new RunAnswer("demo.X", new TestContext(), POLICY);
        Outcome outcome = converse(start(MisbehavingChildren.AnnouncesAHugeResult.class), watch(Duration.ofSeconds(30), Duration.ofSeconds(30)),
                answer);
        LimitExceededException thrown = assertThrows(LimitExceededException.class, () -> answer.result(outcome));
        assertEquals(Limit.RESULT_SIZE, thrown.limit());
        assertTrue(thrown.getMessage().startsWith("the result of 1024 MiB is larger than the limit of 1 MiB"), thrown.getMessage());
        children.assertAllGone();
    }

    @Test
    void aChildLoggingPastTheLimitIsKilledAsLogSizeWhateverItCounted() throws Exception {
        TestContext context = new TestContext();
        RunAnswer answer = new RunAnswer("demo.X", context, POLICY);
        Outcome outcome = converse(start(MisbehavingChildren.FloodsTheLog.class), watch(Duration.ofSeconds(30), Duration.ofSeconds(30)), answer);
        LimitExceededException thrown = assertThrows(LimitExceededException.class, () -> answer.result(outcome));
        assertEquals(Limit.LOG_SIZE, thrown.limit());
        assertEquals(100, context.lines.size(), "10 000 bytes of lines of 100 bytes reached the task's log");
        children.assertAllGone();
    }
}
