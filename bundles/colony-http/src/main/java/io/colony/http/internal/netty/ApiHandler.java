package io.colony.http.internal.netty;

import io.colony.http.internal.auth.AccessControl;
import io.colony.http.internal.routing.ApiException;
import io.colony.http.internal.routing.Dispatcher;
import io.colony.http.internal.routing.Reply;
import io.colony.http.internal.routing.Request;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import org.osgi.service.log.Logger;

/**
 * One connection's requests, answered one at a time and in order (HTTP/1.1 keep-alive and pipelining):
 * while a request is being answered, later ones wait in a short queue and the connection stops reading.
 * All state is touched on the connection's event loop only.
 */
final class ApiHandler extends ChannelInboundHandlerAdapter {

    /** Requests read ahead of the one being answered; a client pipelining more is disconnected. */
    static final int MAX_PIPELINED = 16;
    static final int MAX_QUERY_PARAMETERS = 32;
    /** The headers the API reads; the others are not copied. */
    private static final List<String> HEADERS = List.of("authorization", AccessControl.TOKEN_HEADER.toLowerCase(Locale.ROOT), "content-type");

    private final Dispatcher dispatcher;
    private final Logger log;
    private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
    private boolean busy;
    private boolean streaming;

    /** A request read and not answered yet: one to dispatch, or one already refused while reading it. */
    private sealed interface Pending {
        boolean keepAlive();
    }

    private record Call(Request request, boolean keepAlive) implements Pending {
    }

    private record Refusal(Reply.Full reply, boolean keepAlive) implements Pending {
    }

    ApiHandler(Dispatcher dispatcher, Logger log) {
        this.dispatcher = dispatcher;
        this.log = log;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        try {
            if (streaming) {
                return;
            }
            Pending pending = read(ctx, message);
            if (!busy) {
                process(ctx, pending);
            } else if (waiting.size() >= MAX_PIPELINED) {
                log.debug("HTTP: closing connection from {}: more than {} pipelined requests", ctx.channel().remoteAddress(), MAX_PIPELINED);
                ctx.close();
            } else {
                waiting.add(pending);
                ctx.channel().config().setAutoRead(false);
            }
        } finally {
            ReferenceCountUtil.release(message);
        }
    }

    private Pending read(ChannelHandlerContext ctx, Object message) {
        if (message instanceof OversizedRequest oversized) {
            String path = new QueryStringDecoder(oversized.uri()).rawPath();
            return new Refusal(dispatcher.error(path, BodyLimitAggregator.tooLarge(oversized.maxBodyBytes())), oversized.keepAlive());
        }
        FullHttpRequest http = (FullHttpRequest) message;
        if (http.decoderResult().isFailure()) {
            log.debug("HTTP: malformed request from {}: {}", ctx.channel().remoteAddress(), http.decoderResult().cause());
            return new Refusal(dispatcher.error("/", ApiException.badRequest("request", "malformed HTTP")), false);
        }
        boolean keepAlive = HttpUtil.isKeepAlive(http);
        QueryStringDecoder uri = new QueryStringDecoder(http.uri(), StandardCharsets.UTF_8, true, MAX_QUERY_PARAMETERS);
        try {
            return new Call(new Request(http.method().name(), uri.rawPath(), uri.parameters(), headers(http.headers()),
                    ByteBufUtil.getBytes(http.content()), remote(ctx), Map.of()), keepAlive);
        } catch (IllegalArgumentException e) {
            return new Refusal(dispatcher.error(uri.rawPath(), ApiException.badRequest("uri", "malformed query (" + e.getMessage() + ")")), keepAlive);
        }
    }

    private void process(ChannelHandlerContext ctx, Pending pending) {
        busy = true;
        if (pending instanceof Refusal refusal) {
            send(ctx, refusal.reply(), refusal.keepAlive());
            return;
        }
        Call call = (Call) pending;
        dispatcher.dispatch(call.request()).whenComplete((reply, failure) -> {
            try {
                ctx.executor().execute(() -> respond(ctx, reply, failure, call.keepAlive()));
            } catch (RejectedExecutionException e) {
                ctx.channel().close();
            }
        });
    }

    private void respond(ChannelHandlerContext ctx, Reply reply, Throwable failure, boolean keepAlive) {
        if (!ctx.channel().isActive()) {
            return;
        }
        if (failure != null || reply == null) {
            log.error("HTTP: no answer for a request from {}", ctx.channel().remoteAddress(), failure);
            ctx.close();
            return;
        }
        if (reply instanceof Reply.Stream stream) {
            Optional<Reply.Full> refused = stream.source().open(ctx.channel());
            if (refused.isEmpty()) {
                streaming = true;
                busy = false;
                waiting.clear();
                ctx.channel().config().setAutoRead(true);
                return;
            }
            send(ctx, refused.get(), keepAlive);
            return;
        }
        send(ctx, (Reply.Full) reply, keepAlive);
    }

    private void send(ChannelHandlerContext ctx, Reply.Full reply, boolean keepAlive) {
        ChannelFuture written = ctx.writeAndFlush(HttpReplies.toHttp(reply, keepAlive));
        written.addListener(done -> {
            if (!done.isSuccess() || !keepAlive) {
                ctx.close();
                return;
            }
            busy = false;
            Pending next = waiting.poll();
            if (next != null) {
                process(ctx, next);
            } else {
                ctx.channel().config().setAutoRead(true);
            }
        });
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent) {
            // a request waiting for a job, or an event stream (kept busy by its keep-alive comments), is not idle
            if (!busy && !streaming) {
                ctx.close();
            }
        } else {
            super.userEventTriggered(ctx, event);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("HTTP: closing connection from {}: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }

    private static Map<String, String> headers(HttpHeaders headers) {
        Map<String, String> read = new HashMap<>();
        for (String name : HEADERS) {
            String value = headers.get(name);
            if (value != null) {
                read.put(name, value);
            }
        }
        return read;
    }

    private static InetAddress remote(ChannelHandlerContext ctx) {
        return ctx.channel().remoteAddress() instanceof InetSocketAddress inet ? inet.getAddress() : null;
    }
}
