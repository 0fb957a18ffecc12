package io.colony.sandbox.internal.process.protocol;

/** A frame announced a body longer than its type allows; the body was not read. */
public final class FrameTooLargeException extends ProtocolException {

    private static final long serialVersionUID = 1L;

    private final FrameType type;
    private final long length;

    public FrameTooLargeException(FrameType type, long length, long limit) {
        super("a " + type + " frame of " + length + " bytes; at most " + limit + " are accepted");
        this.type = type;
        this.length = length;
    }

    public FrameType type() {
        return type;
    }

    public long length() {
        return length;
    }
}
