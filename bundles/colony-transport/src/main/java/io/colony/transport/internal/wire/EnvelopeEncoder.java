package io.colony.transport.internal.wire;

import com.google.protobuf.CodedOutputStream;
import io.colony.transport.proto.Envelope;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/** Writes the length and the envelope straight into one pooled buffer of exactly the right size. */
@Sharable
public final class EnvelopeEncoder extends MessageToByteEncoder<Envelope> {

    public EnvelopeEncoder() {
        super(Envelope.class);
    }

    @Override
    protected ByteBuf allocateBuffer(ChannelHandlerContext ctx, Envelope message, boolean preferDirect) {
        return ctx.alloc().ioBuffer(FrameDecoder.LENGTH_BYTES + message.getSerializedSize());
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, Envelope message, ByteBuf out) throws Exception {
        int size = message.getSerializedSize();
        out.writeInt(size);
        CodedOutputStream output = CodedOutputStream.newInstance(out.nioBuffer(out.writerIndex(), size));
        message.writeTo(output);
        output.checkNoSpaceLeft();
        out.writerIndex(out.writerIndex() + size);
    }
}
