package io.colony.http.internal.netty;

import io.colony.http.internal.routing.Reply;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

/** Turns a {@link Reply.Full} into an HTTP/1.1 response that keeps the connection open or closes it. */
final class HttpReplies {

    private HttpReplies() {
    }

    static FullHttpResponse toHttp(Reply.Full reply, boolean keepAlive) {
        FullHttpResponse http = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(reply.status()),
                Unpooled.wrappedBuffer(reply.body()));
        if (reply.contentType() != null) {
            http.headers().set(HttpHeaderNames.CONTENT_TYPE, reply.contentType());
        }
        if (reply.status() != HttpResponseStatus.NO_CONTENT.code()) {
            http.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, reply.body().length);
        }
        http.headers()
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE)
                .set(HttpHeaderNames.CONNECTION, keepAlive ? HttpHeaderValues.KEEP_ALIVE : HttpHeaderValues.CLOSE);
        reply.headers().forEach((name, value) -> http.headers().set(name, value));
        return http;
    }
}
