package io.colony.sandbox.internal.process.child;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.PluginException;
import io.colony.api.source.Isolation;
import io.colony.api.source.LimitExceededException;
import io.colony.api.source.SandboxPolicy;
import io.colony.sandbox.internal.process.protocol.Failure;
import io.colony.sandbox.internal.process.protocol.Frame;
import io.colony.sandbox.internal.process.protocol.FrameReader;
import io.colony.sandbox.internal.process.protocol.FrameWriter;
import io.colony.sandbox.internal.process.protocol.RunRequest;
import io.colony.sandbox.internal.process.protocol.RunResult;
import io.colony.sandbox.internal.run.InProcessRunner;
import java.time.Duration;

/**
 * A run request in a child: the same machinery as a run in the worker's process (a fresh
 * {@code SandboxClassLoader} under the allowlist loader, the guards of the instrumented code, the
 * watchdog of {@link InProcessRunner}), with a task context whose calls become frames to the worker.
 */
final class ChildRun {

    /** How long a stopped run has to end before the child gives up on it and reports; the worker kills the child later. */
    private static final Duration GRACE = Duration.ofMillis(500);

    private ChildRun() {
    }

    static Frame answer(RunRequest request, FrameReader in, FrameWriter out) {
        ForwardedTaskContext context = new ForwardedTaskContext(request.taskId(), out);
        Thread caller = Thread.currentThread();
        ParentWatch.start(in, out, () -> {
            context.cancel();
            caller.interrupt();
        });
        InProcessRunner runner = new InProcessRunner(ChildRun.class.getClassLoader(), 1, 1, Duration.ofSeconds(1), GRACE);
        try {
            Payload result = runner.run(request.program(), request.input(), context, inChild(request.policy()));
            return new RunResult(result).toFrame();
        } catch (PluginException e) {
            return Failure.of(Failure.Kind.PLUGIN, String.valueOf(e.getMessage())).toFrame();
        } catch (LimitExceededException e) {
            return Failure.limit(e.limit(), e.getMessage()).toFrame();
        } catch (InterruptedException e) {
            return Failure.of(Failure.Kind.CANCELLED, String.valueOf(e.getMessage())).toFrame();
        } catch (RuntimeException e) {
            return Failure.of(Failure.Kind.INTERNAL, "the child JVM failed to run the program: " + e).toFrame();
        }
    }

    /**
     * The policy as the run inside the child applies it. In a child JVM the memory limit is its heap
     * ({@code -Xmx}, an OutOfMemoryError ends the child): the bytes a run allocates over its life, which
     * bound a run in the worker's process, are not limited, so that a program may make garbage.
     */
    static SandboxPolicy inChild(SandboxPolicy policy) {
        return new SandboxPolicy(Isolation.IN_PROCESS, policy.wallTime(), policy.cpuTime(), Long.MAX_VALUE, policy.resultBytes(),
                policy.logBytes(), policy.allowlist());
    }
}
