package io.colony.sandbox.internal.process;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.PluginException;
import io.colony.api.plugin.TaskContext;
import io.colony.api.source.LimitExceededException;
import io.colony.api.source.LimitExceededException.Limit;
import io.colony.api.source.SandboxPolicy;
import io.colony.sandbox.internal.process.protocol.Failure;
import io.colony.sandbox.internal.process.protocol.Frame;
import io.colony.sandbox.internal.process.protocol.FrameLimits;
import io.colony.sandbox.internal.process.protocol.FrameTooLargeException;
import io.colony.sandbox.internal.process.protocol.FrameType;
import io.colony.sandbox.internal.process.protocol.LogLine;
import io.colony.sandbox.internal.process.protocol.Progress;
import io.colony.sandbox.internal.process.protocol.Protocol;
import io.colony.sandbox.internal.process.protocol.ProtocolException;
import io.colony.sandbox.internal.process.protocol.RunResult;
import io.colony.sandbox.internal.runtime.LimitMessages;
import java.nio.charset.StandardCharsets;
import java.util.ResourceBundle;

/**
 * The worker's side of a run in a child: passes progress and log lines on to the task's context
 * (counting the log against the policy, whatever the child counted), and turns the end of the
 * conversation into the result or the exception of {@code ProgramRunner.run}.
 */
final class RunAnswer implements Conversation.Frames {

    private final String entryClass;
    private final TaskContext context;
    private final SandboxPolicy policy;
    private long logBytes;

    RunAnswer(String entryClass, TaskContext context, SandboxPolicy policy) {
        this.entryClass = entryClass;
        this.context = context;
        this.policy = policy;
    }

    /** What the child may send during a run, and how long each frame may be. */
    static FrameLimits limits(SandboxPolicy policy) {
        return type -> {
            switch (type) {
                case PROGRESS:
                    return 8;
                case LOG:
                    return 5 + (long) policy.logBytes();
                case CANCEL_ACK:
                    return 0;
                case RESULT:
                    return RunResult.OVERHEAD + (long) policy.resultBytes();
                case FAILURE:
                    return 6 + Protocol.MAX_MESSAGE;
                default:
                    return -1;
            }
        };
    }

    @Override
    public Outcome take(Frame frame) {
        try {
            if (frame.type() == FrameType.PROGRESS) {
                context.progress(Progress.from(frame).fraction());
            } else if (frame.type() == FrameType.LOG) {
                LogLine line = LogLine.from(frame, policy.logBytes());
                logBytes += line.text().getBytes(StandardCharsets.UTF_8).length;
                if (logBytes > policy.logBytes()) {
                    return new Outcome.Exceeded(Limit.LOG_SIZE, LimitMessages.logSize(policy.logBytes()));
                }
                context.logger().log(line.level(), (ResourceBundle) null, line.text(), (Throwable) null);
            }
            return null;
        } catch (ProtocolException e) {
            return new Outcome.Failed("it broke the protocol: " + e.getMessage());
        }
    }

    @Override
    public Outcome tooLarge(FrameTooLargeException e) {
        if (e.type() == FrameType.RESULT) {
            return new Outcome.Exceeded(Limit.RESULT_SIZE, LimitMessages.resultSize(e.length() - RunResult.OVERHEAD, policy.resultBytes()));
        }
        if (e.type() == FrameType.LOG) {
            return new Outcome.Exceeded(Limit.LOG_SIZE, LimitMessages.logSize(policy.logBytes()));
        }
        return Conversation.Frames.super.tooLarge(e);
    }

    Payload result(Outcome outcome) throws PluginException, LimitExceededException, InterruptedException {
        if (outcome instanceof Outcome.Finished finished) {
            return finalFrame(finished.frame());
        }
        if (outcome instanceof Outcome.Exceeded exceeded) {
            throw new LimitExceededException(exceeded.limit(), exceeded.message());
        }
        if (outcome instanceof Outcome.Cancelled) {
            throw new InterruptedException("the task was cancelled; the child JVM running " + entryClass + " was stopped");
        }
        throw new PluginException("the child JVM running " + entryClass + " failed: " + ((Outcome.Failed) outcome).message());
    }

    private Payload finalFrame(Frame frame) throws PluginException, LimitExceededException, InterruptedException {
        try {
            if (frame.type() == FrameType.RESULT) {
                Payload result = RunResult.from(frame, Integer.MAX_VALUE).payload();
                if (result.size() > policy.resultBytes()) {
                    throw new LimitExceededException(Limit.RESULT_SIZE, LimitMessages.resultSize(result.size(), policy.resultBytes()));
                }
                return result;
            }
            Failure failure = Failure.from(frame);
            switch (failure.kind()) {
                case LIMIT:
                    throw new LimitExceededException(failure.limit().orElseThrow(), failure.message());
                case CANCELLED:
                    throw new InterruptedException(failure.message());
                case PLUGIN:
                    throw new PluginException(failure.message());
                default:
                    throw new PluginException("the child JVM running " + entryClass + " failed: " + failure.message());
            }
        } catch (ProtocolException e) {
            throw new PluginException("the child JVM running " + entryClass + " sent a broken answer: " + e.getMessage());
        }
    }
}
