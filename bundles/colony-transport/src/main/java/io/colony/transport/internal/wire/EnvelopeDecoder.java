package io.colony.transport.internal.wire;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.ExtensionRegistryLite;
import com.google.protobuf.InvalidProtocolBufferException;
import io.colony.transport.proto.Envelope;
import io.colony.transport.proto.Error.Code;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.util.List;

/** Parses one frame into an {@link Envelope}; a frame that is not one fails with the parser's reason. */
public final class EnvelopeDecoder extends MessageToMessageDecoder<ByteBuf> {

    public EnvelopeDecoder() {
        super(ByteBuf.class);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf frame, List<Object> out) throws Exception {
        int length = frame.readableBytes();
        try {
            CodedInputStream input = frame.nioBufferCount() == 1
                    ? CodedInputStream.newInstance(frame.nioBuffer())
                    : CodedInputStream.newInstance(ByteBufs.copy(frame));
            out.add(Envelope.parseFrom(input, ExtensionRegistryLite.getEmptyRegistry()));
        } catch (InvalidProtocolBufferException e) {
            throw new FrameException(Code.BAD_FRAME, "unparsable frame of " + length + " bytes: " + e.getMessage());
        }
    }
}
