package io.colony.sandbox.internal.process;

import io.colony.api.source.LimitExceededException.Limit;
import io.colony.sandbox.internal.process.protocol.Frame;
import io.colony.sandbox.internal.process.protocol.FrameTooLargeException;
import io.colony.sandbox.internal.process.protocol.FrameType;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BooleanSupplier;

/**
 * Waits for a child's answer to one request, watching its wall time and the CPU time of its whole
 * process, and cancellation; everything the child sends before its last frame goes to a
 * {@link Frames} handler. Whenever the answer does not come as it should, the child is killed
 * before {@link #await} returns.
 */
final class Conversation {

    private static final Duration TICK = Duration.ofMillis(50);
    private static final long CPU_POLL_NANOS = Duration.ofMillis(100).toNanos();
    private static final Duration EXIT_WAIT = Duration.ofSeconds(2);
    private static final Duration DYING_WAIT = Duration.ofMillis(200);

    /** What to do with the frames before the last one. */
    interface Frames {

        /** @return null to go on waiting, or an outcome that ends the conversation (the child is then killed) */
        Outcome take(Frame frame);

        /** A frame over its limit arrived (its body unread); the default calls that a broken protocol. */
        default Outcome tooLarge(FrameTooLargeException e) {
            return new Outcome.Failed("it sent " + e.getMessage());
        }
    }

    /**
     * @param wallTime how long the answer may take; the child is killed {@code grace} after it
     * @param cpuTime the CPU time of the program, if that is watched; the child is killed when its process used
     *     {@link #processCpuLimit} of it and then {@code grace}
     * @param grace how long a child has to stop by itself after a limit passed, or after it was cancelled
     * @param limits names the limits in messages
     */
    record Watch(Duration wallTime, Optional<Duration> cpuTime, Duration grace, WatchMessages limits) {
    }

    private final Child child;
    private final Watch watch;

    Conversation(Child child, Watch watch) {
        this.child = child;
        this.watch = watch;
    }

    Outcome await(Frames frames, BooleanSupplier cancelled) {
        long start = System.nanoTime();
        long wallDeadline = start + watch.wallTime().plus(watch.grace()).toNanos();
        Optional<Duration> cpuLimit = watch.cpuTime().map(Conversation::processCpuLimit).map(cpu -> cpu.plus(watch.grace()));
        Duration cpuAtStart = child.cpuTime().orElse(Duration.ZERO);
        long nextCpuCheck = start + CPU_POLL_NANOS;
        try {
            while (true) {
                if (cancelled.getAsBoolean()) {
                    return cancel();
                }
                long now = System.nanoTime();
                if (now - wallDeadline >= 0) {
                    return killed(new Outcome.Exceeded(Limit.WALL_TIME, watch.limits().wallTime(watch.wallTime())));
                }
                if (cpuLimit.isPresent() && now - nextCpuCheck >= 0) {
                    nextCpuCheck = now + CPU_POLL_NANOS;
                    Duration used = child.cpuTime().orElse(cpuAtStart).minus(cpuAtStart);
                    if (used.compareTo(cpuLimit.get()) > 0) {
                        return killed(new Outcome.Exceeded(Limit.CPU_TIME, watch.limits().cpuTime(watch.cpuTime().get())));
                    }
                }
                Outcome outcome = handle(child.poll(min(TICK, Duration.ofNanos(wallDeadline - now))), frames);
                if (outcome != null) {
                    return outcome;
                }
            }
        } catch (InterruptedException e) {
            return cancel();
        }
    }

    /**
     * The CPU time the whole child may use for a run's CPU time: the guards inside stop the program at its
     * own thread's CPU time; the child's garbage collector and JIT compiler use CPU besides, so the worker,
     * which watches the process from outside to catch a child whose guards do not act, allows half as much again.
     */
    static Duration processCpuLimit(Duration cpuTime) {
        return cpuTime.plus(cpuTime.dividedBy(2));
    }

    private Outcome handle(ChildEvent event, Frames frames) throws InterruptedException {
        if (event == null) {
            return null;
        }
        if (event instanceof ChildEvent.Arrived arrived) {
            Frame frame = arrived.frame();
            if (frame.type().isFinal()) {
                return new Outcome.Finished(frame);
            }
            Outcome outcome = frames.take(frame);
            return outcome == null ? null : killed(outcome);
        }
        if (event instanceof ChildEvent.Broken broken) {
            if (child.awaitExit(DYING_WAIT).isPresent()) {
                return died(); // what it sent last was the start of its death, which stderr explains
            }
            Outcome outcome = broken.cause() instanceof FrameTooLargeException tooLarge ? frames.tooLarge(tooLarge)
                    : new Outcome.Failed("it broke the protocol: " + broken.cause().getMessage());
            return killed(outcome);
        }
        return died();
    }

    /** Tells the child to stop, gives it the grace period to answer, then kills it. */
    private Outcome cancel() {
        try {
            child.sendInBackground(Frame.empty(FrameType.CANCEL));
            long end = System.nanoTime() + watch.grace().toNanos();
            for (long left; (left = end - System.nanoTime()) > 0;) {
                ChildEvent event = child.poll(Duration.ofNanos(left));
                if (event instanceof ChildEvent.Ended || event instanceof ChildEvent.Broken
                        || event instanceof ChildEvent.Arrived arrived && arrived.frame().type().isFinal()) {
                    break;
                }
            }
        } catch (IOException | InterruptedException e) {
            // the child may be gone already, or the caller insists: it is killed below either way
        }
        return killed(new Outcome.Cancelled());
    }

    /** The child's output ended before its answer: why, from its exit code and its last stderr lines. */
    private Outcome died() throws InterruptedException {
        OptionalInt exit = child.awaitExit(EXIT_WAIT);
        List<String> stderr = child.stderrTail();
        Outcome outcome;
        if (stderr.stream().anyMatch(line -> line.contains("OutOfMemoryError"))) {
            outcome = new Outcome.Exceeded(Limit.MEMORY, watch.limits().heap(child.heapBytes()));
        } else if (exit.isEmpty()) {
            outcome = new Outcome.Failed("it closed its output but did not end" + StderrText.of(stderr));
        } else {
            outcome = new Outcome.Failed(describeExit(exit.getAsInt()) + StderrText.of(stderr));
        }
        return killed(outcome);
    }

    static String describeExit(int code) {
        if (code == 128 + 9) {
            return "it was killed (signal 9, SIGKILL), perhaps by the operating system for lack of memory";
        }
        if (code > 128 && code < 128 + 32) {
            return "it was ended by signal " + (code - 128);
        }
        return "it ended with exit code " + code;
    }

    private Outcome killed(Outcome outcome) {
        try {
            child.kill();
            return outcome;
        } catch (IOException e) {
            return new Outcome.Failed(e.getMessage());
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
