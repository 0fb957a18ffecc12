package io.colony.http.internal.netty;

import io.colony.http.internal.routing.ApiException;
import io.colony.http.internal.routing.Dispatcher;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;

/**
 * Netty's aggregator bounded by {@code max.body.bytes}: a declared Content-Length over the limit is
 * refused before the body is read, a chunked body as soon as it passes the limit. The refusal is a JSON
 * 413 in the style of the route the request was for.
 */
final class BodyLimitAggregator extends HttpObjectAggregator {

    private final Dispatcher dispatcher;

    BodyLimitAggregator(int maxBodyBytes, Dispatcher dispatcher) {
        super(maxBodyBytes);
        this.dispatcher = dispatcher;
    }

    /**
     * Hands an {@link OversizedRequest} to the next handler. The connection stays usable only when the
     * rest of the body can still be skipped (the aggregator discards it); a request already read whole,
     * or one without keep-alive, is answered and closed.
     */
    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) throws Exception {
        if (!(oversized instanceof HttpRequest request)) {
            super.handleOversizedMessage(ctx, oversized);
            return;
        }
        boolean keepAlive = !(oversized instanceof FullHttpMessage) && HttpUtil.isKeepAlive(oversized);
        ctx.fireChannelRead(new OversizedRequest(request.uri(), maxContentLength(), keepAlive));
    }

    /**
     * A refused {@code Expect} (413 for a declared body over the limit, 417 for an expectation other
     * than 100-continue) gets a JSON body and closes the connection: the client will not send the body
     * the decoder still waits for.
     */
    @Override
    protected Object newContinueResponse(HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
        Object response = super.newContinueResponse(start, maxContentLength, pipeline);
        if (response instanceof FullHttpResponse refused && isRefusal(refused) && start instanceof HttpRequest request) {
            refused.release();
            String path = new QueryStringDecoder(request.uri()).rawPath();
            ApiException error = refused.status().equals(HttpResponseStatus.EXPECTATION_FAILED)
                    ? new ApiException(417, "expect", "expect: only 100-continue is supported")
                    : tooLarge(maxContentLength);
            return HttpReplies.toHttp(dispatcher.error(path, error), false);
        }
        return response;
    }

    @Override
    protected boolean closeAfterContinueResponse(Object response) {
        return response instanceof FullHttpResponse http && isRefusal(http);
    }

    private static boolean isRefusal(FullHttpResponse response) {
        return response.status().equals(HttpResponseStatus.EXPECTATION_FAILED)
                || response.status().equals(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE);
    }

    static ApiException tooLarge(int maxBodyBytes) {
        return new ApiException(413, "body", "body: larger than " + maxBodyBytes + " bytes");
    }
}
