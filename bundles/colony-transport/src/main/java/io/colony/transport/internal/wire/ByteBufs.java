package io.colony.transport.internal.wire;

import io.netty.buffer.ByteBuf;

final class ByteBufs {

    private ByteBufs() {
    }

    static byte[] copy(ByteBuf buffer) {
        byte[] bytes = new byte[buffer.readableBytes()];
        buffer.getBytes(buffer.readerIndex(), bytes);
        return bytes;
    }
}
