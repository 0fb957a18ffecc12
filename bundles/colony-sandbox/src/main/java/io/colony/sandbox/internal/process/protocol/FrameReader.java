package io.colony.sandbox.internal.process.protocol;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** Reads the hello and then frames, refusing a frame whose type or length its {@link FrameLimits} do not accept. */
public final class FrameReader {

    private final DataInputStream in;
    private final FrameLimits limits;

    public FrameReader(InputStream in, FrameLimits limits) {
        this.in = new DataInputStream(in);
        this.limits = limits;
    }

    public void readHello() throws IOException {
        Protocol.readHello(in);
    }

    /**
     * @return the next frame, or empty when the stream ended cleanly between two frames
     * @throws FrameTooLargeException when the frame's length is over its limit (the body is left unread)
     * @throws ProtocolException when the type is unknown or not accepted here, or the stream ends inside a frame
     */
    public Optional<Frame> read() throws IOException {
        int code = in.read();
        if (code < 0) {
            return Optional.empty();
        }
        FrameType type = FrameType.ofCode(code);
        long limit = limits.maxBody(type);
        if (limit < 0) {
            throw new ProtocolException("a " + type + " frame is not accepted from this side");
        }
        try {
            int length = in.readInt();
            if (length < 0 || length > limit) {
                throw new FrameTooLargeException(type, Integer.toUnsignedLong(length), limit);
            }
            byte[] body = new byte[length];
            in.readFully(body);
            return Optional.of(new Frame(type, body));
        } catch (EOFException e) {
            throw new ProtocolException("the stream ended inside a " + type + " frame");
        }
    }
}
