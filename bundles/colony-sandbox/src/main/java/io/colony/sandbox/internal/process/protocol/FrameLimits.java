package io.colony.sandbox.internal.process.protocol;

/** The longest body a reader accepts for each frame type, or a negative value for a type it does not accept. */
@FunctionalInterface
public interface FrameLimits {

    long maxBody(FrameType type);
}
