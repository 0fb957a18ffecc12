package io.colony.transport.internal;

import io.colony.transport.internal.wire.FrameException;
import io.colony.transport.proto.Error.Code;
import io.netty.channel.Channel;
import io.netty.handler.codec.DecoderException;
import java.io.IOException;

/** Turns what went wrong on a connection into the reason it is closed for. */
final class BadInput {

    private BadInput() {
    }

    static void close(ConnectionCloser closer, Channel channel, Throwable cause) {
        Throwable root = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        if (root instanceof FrameException frame) {
            closer.close(channel, frame.code(), frame.getMessage());
        } else if (root instanceof IOException io) {
            closer.closeQuietly(channel, "I/O error: " + io.getMessage(), false);
        } else {
            closer.close(channel, Code.PROTOCOL_VIOLATION, "internal error on this connection: " + root);
        }
    }
}
