package io.colony.sandbox.internal.process;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.PluginException;
import io.colony.api.plugin.TaskContext;
import io.colony.api.source.LimitExceededException;
import io.colony.api.source.SandboxPolicy;
import io.colony.sandbox.internal.process.protocol.RunRequest;
import io.colony.sandbox.internal.run.PreparedProgram;
import io.colony.sandbox.internal.run.ProgramRunner;
import io.colony.sandbox.internal.runtime.LimitMessages;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Runs each program in a child JVM of its own, started for that run (or taken warm) and killed after
 * it: its heap is the policy's memory limit; its wall time and the CPU time of its whole process are
 * watched from here, on top of the guards inside; its log and result are bounded as they arrive;
 * cancellation sends it a CANCEL frame and kills it after the grace period. At most
 * {@link ProcessSettings#maxChildren()} children work at once; a run waits for a slot at most its wall time.
 */
public final class ProcessRunner implements ProgramRunner {

    /** The least heap a child gets, whatever the policy: what the child itself needs besides the program. */
    static final long MIN_HEAP_BYTES = 16L << 20;

    private final ProcessSettings settings;
    private final WarmChildren children;
    private final ChildSlots slots;
    private final WorkingChildren working = new WorkingChildren();

    ProcessRunner(ProcessSettings settings, WarmChildren children, ChildSlots slots) {
        this.settings = settings;
        this.children = children;
        this.slots = slots;
    }

    @Override
    public Payload run(PreparedProgram program, Payload input, TaskContext context, SandboxPolicy policy)
            throws PluginException, LimitExceededException, InterruptedException {
        if (working.isClosed()) {
            throw new PluginException("the source sandbox is shutting down; " + program.entryClass() + " was not run");
        }
        try {
            slots.acquire(policy.wallTime(), "the source task " + context.taskId() + " (" + program.entryClass() + ")");
        } catch (ChildSlots.Busy e) {
            throw new PluginException(e.getMessage());
        }
        Child child = null;
        try {
            child = children.take(heapBytes(policy));
            if (!working.add(child)) {
                throw new PluginException("the source sandbox is shutting down; " + program.entryClass() + " was not run");
            }
            child.expect(RunAnswer.limits(policy));
            child.sendInBackground(new RunRequest(context.taskId(), program, input, policy).toFrame());
            RunAnswer answer = new RunAnswer(program.entryClass(), context, policy);
            Conversation.Watch watch = new Conversation.Watch(policy.wallTime(), Optional.of(policy.cpuTime()), settings.stopGrace(), MESSAGES);
            return answer.result(new Conversation(child, watch).await(answer, context::isCancelled));
        } catch (ChildStartException e) {
            throw new PluginException("the sandbox could not start a child JVM to run " + program.entryClass() + ": " + e.getMessage());
        } catch (IOException e) {
            throw new PluginException("the sandbox could not run " + program.entryClass() + " in a child JVM: " + e.getMessage());
        } finally {
            working.remove(child);
            ChildCleanup.close(child);
            slots.release();
        }
    }

    /** Kills the children running now (their runs fail) and the warm ones, and refuses further runs. */
    @Override
    public void close() {
        working.close();
        children.close();
    }

    static long heapBytes(SandboxPolicy policy) {
        return Math.max(MIN_HEAP_BYTES, policy.memoryBytes());
    }

    static final WatchMessages MESSAGES = new WatchMessages() {
        @Override
        public String wallTime(Duration limit) {
            return LimitMessages.wallTime(limit) + "; its child JVM was stopped";
        }

        @Override
        public String cpuTime(Duration limit) {
            return "the run's child JVM used more CPU time than the run's limit of " + LimitMessages.duration(limit)
                    + " (" + LimitMessages.CPU_TIME_KEY + " in etc/io.colony.trust.cfg) and was stopped";
        }

        @Override
        public String heap(long bytes) {
            return "the run needed more heap than its child JVM's limit of " + LimitMessages.bytes(bytes)
                    + " (" + LimitMessages.MEMORY_KEY + " in etc/io.colony.trust.cfg)";
        }
    };
}
