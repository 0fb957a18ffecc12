package io.colony.tracker.internal;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.timeout.IdleStateEvent;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import org.osgi.service.log.Logger;

/** Hands each aggregated HTTP request to {@link TrackerRoutes} and writes the answer; closes idle or broken connections. */
@Sharable
final class TrackerHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    /** Query parameters read at most; the protocol has one. */
    private static final int MAX_QUERY_PARAMETERS = 16;

    private final TrackerRoutes routes;
    private final Logger log;

    TrackerHttpHandler(TrackerRoutes routes, Logger log) {
        this.routes = routes;
        this.log = log;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (request.decoderResult().isFailure()) {
            log.debug("Tracker: malformed HTTP from {}: {}", ctx.channel().remoteAddress(), request.decoderResult().cause());
            JsonHttpResponses.send(ctx, routes.error(TrackerRoutes.BAD_REQUEST, "request", "malformed HTTP"), false);
            return;
        }
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        QueryStringDecoder uri = new QueryStringDecoder(request.uri(), StandardCharsets.UTF_8, true, MAX_QUERY_PARAMETERS);
        JsonResponse response;
        try {
            response = routes.handle(request.method().name(), uri.path(), uri.parameters(),
                    ByteBufUtil.getBytes(request.content()), remoteAddress(ctx.channel().remoteAddress()));
        } catch (IllegalArgumentException e) {
            response = routes.error(TrackerRoutes.BAD_REQUEST, "uri", "malformed (" + e.getMessage() + ")");
        }
        JsonHttpResponses.send(ctx, response, keepAlive);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent) {
            ctx.close();
        } else {
            super.userEventTriggered(ctx, event);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("Tracker: closing connection from {}: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }

    private static String remoteAddress(SocketAddress address) {
        return address instanceof InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress().getHostAddress()
                : String.valueOf(address);
    }
}
