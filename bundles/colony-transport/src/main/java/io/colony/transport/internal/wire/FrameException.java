package io.colony.transport.internal.wire;

import io.colony.transport.proto.Error.Code;

/** A frame a node cannot accept; the message says why, for the log and for the peer. */
public final class FrameException extends Exception {

    private static final long serialVersionUID = 1L;

    private final Code code;

    public FrameException(Code code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
