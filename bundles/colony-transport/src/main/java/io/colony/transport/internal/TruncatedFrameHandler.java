package io.colony.transport.internal;

import io.colony.transport.internal.wire.FrameException;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Reports the frame decoder's last word on a closed connection (a truncated frame), which arrives as
 * a message just before the connection's inactive event, so the reason is known when it is lost.
 */
@Sharable
final class TruncatedFrameHandler extends ChannelInboundHandlerAdapter {

    private final ConnectionCloser closer;

    TruncatedFrameHandler(ConnectionCloser closer) {
        this.closer = closer;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) throws Exception {
        if (message instanceof FrameException truncated) {
            BadInput.close(closer, ctx.channel(), truncated);
            return;
        }
        ctx.fireChannelRead(message);
    }
}
