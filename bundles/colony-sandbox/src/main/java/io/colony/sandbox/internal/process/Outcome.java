package io.colony.sandbox.internal.process;

import io.colony.api.source.LimitExceededException.Limit;
import io.colony.sandbox.internal.process.protocol.Frame;

/** How a conversation with a child ended. Every outcome but {@link Finished} left the child killed. */
interface Outcome {

    /** The child sent the frame that ends its answer. */
    record Finished(Frame frame) implements Outcome {
    }

    /** The child went past a limit that the worker watches (time, CPU, heap, log or result size). */
    record Exceeded(Limit limit, String message) implements Outcome {
    }

    /** The task was cancelled or the waiting thread interrupted. */
    record Cancelled() implements Outcome {
    }

    /** The child died, or broke the protocol, before its answer; the message says how, with its last stderr lines. */
    record Failed(String message) implements Outcome {
    }
}
