package io.colony.transport.internal;

import io.colony.transport.proto.Envelope;
import io.colony.transport.proto.Error.Code;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.NotSslRecordException;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import javax.net.ssl.SSLException;

/**
 * Sits right behind the {@link SslHandler}: a failed TLS handshake (or any TLS error) closes only this
 * connection, with one log line giving the remote address and the reason; the handshake handler then
 * fails the connect with that reason. A peer that does not speak TLS at all is told so in a plain
 * Error frame, which it can read, before the server closes the connection.
 */
final class TlsFailureHandler extends ChannelInboundHandlerAdapter {

    static final String HANDSHAKE_FAILED = "TLS handshake failed: ";

    private final TransportContext context;
    private final boolean server;
    private boolean failed;

    TlsFailureHandler(TransportContext context, boolean server) {
        this.context = context;
        this.server = server;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof SslHandshakeCompletionEvent completion && !completion.isSuccess()) {
            fail(ctx, completion.cause());
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) throws Exception {
        if (tlsCause(cause) == null) {
            super.exceptionCaught(ctx, cause);
        } else {
            fail(ctx, cause);
        }
    }

    private void fail(ChannelHandlerContext ctx, Throwable cause) {
        if (failed) {
            return;
        }
        failed = true;
        SSLException tls = tlsCause(cause);
        boolean plainPeer = tls instanceof NotSslRecordException;
        if (server && plainPeer) {
            tellPlainPeer(ctx);
        }
        boolean beforeAuthentication = ctx.channel().attr(PeerConnection.KEY).get() == null;
        String reason = (beforeAuthentication ? HANDSHAKE_FAILED : "TLS error: ") + describe(tls, cause, plainPeer);
        context.closer.closeQuietly(ctx.channel(), reason, true);
    }

    /** Writes an Error frame in clear, below the SslHandler, so that a node without TLS learns why it is refused. */
    private void tellPlainPeer(ChannelHandlerContext ctx) {
        ChannelHandlerContext below = ctx.pipeline().context(SslHandler.class);
        if (below == null || !ctx.channel().isActive()) {
            return;
        }
        byte[] error = Envelopes.error(Code.AUTHENTICATION_FAILED, "node " + context.local.id()
                + " requires TLS (tls.enabled = true) and this connection does not use it").toByteArray();
        ByteBuf frame = ctx.alloc().buffer(Integer.BYTES + error.length).writeInt(error.length).writeBytes(error);
        below.writeAndFlush(frame);
    }

    private static String describe(SSLException tls, Throwable cause, boolean plainPeer) {
        if (plainPeer) {
            return "the peer does not speak TLS (not a TLS record)";
        }
        Throwable reason = tls != null ? tls : cause;
        return reason.getMessage() != null ? reason.getMessage() : reason.toString();
    }

    private static SSLException tlsCause(Throwable cause) {
        for (Throwable current = cause; current != null; current = current.getCause()) {
            if (current instanceof SSLException ssl) {
                return ssl;
            }
        }
        return null;
    }
}
