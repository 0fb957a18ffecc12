package io.colony.transport.internal.wire;

import io.colony.transport.proto.Error.Code;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.TooLongFrameException;
import java.util.List;

/**
 * Splits the stream into frames of a 4-byte length and that many bytes. A length above the maximum
 * fails at once (before the bytes arrive); a connection that closes in the middle of a frame is
 * reported as a truncated frame: a {@link FrameException} passed on as the connection's last message.
 */
public final class FrameDecoder extends LengthFieldBasedFrameDecoder {

    public static final int LENGTH_BYTES = 4;

    private final int maxFrameBytes;

    public FrameDecoder(int maxFrameBytes) {
        super(maxFrameBytes + LENGTH_BYTES, 0, LENGTH_BYTES, 0, LENGTH_BYTES, true);
        this.maxFrameBytes = maxFrameBytes;
    }

    @Override
    protected Object decode(ChannelHandlerContext ctx, ByteBuf in) throws Exception {
        if (in.readableBytes() >= LENGTH_BYTES) {
            long length = in.getUnsignedInt(in.readerIndex());
            if (length > maxFrameBytes) {
                in.skipBytes(in.readableBytes());
                throw new FrameException(Code.FRAME_TOO_LARGE,
                        "frame of " + length + " bytes exceeds the maximum of " + maxFrameBytes + " bytes");
            }
        }
        try {
            return super.decode(ctx, in);
        } catch (TooLongFrameException e) {
            throw new FrameException(Code.FRAME_TOO_LARGE, e.getMessage());
        }
    }

    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        super.decodeLast(ctx, in, out);
        if (in.isReadable()) {
            int received = in.readableBytes();
            String reason = received < LENGTH_BYTES
                    ? "connection closed in the middle of a frame's length (" + received + " of 4 bytes)"
                    : "connection closed in the middle of a frame (" + (received - LENGTH_BYTES) + " of "
                            + in.getUnsignedInt(in.readerIndex()) + " bytes)";
            in.skipBytes(received);
            // passed on as a message: an exception here would arrive after the connection's inactive event
            out.add(new FrameException(Code.BAD_FRAME, reason));
        }
    }
}
