package io.colony.tracker.internal;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;

/**
 * Netty's aggregator, bounded by {@code max.body.bytes}, answering a body that is too large (and a
 * refused {@code Expect}) with the tracker's JSON errors instead of Netty's empty ones.
 */
final class JsonErrorAggregator extends HttpObjectAggregator {

    private final TrackerRoutes routes;

    JsonErrorAggregator(int maxBodyBytes, TrackerRoutes routes) {
        super(maxBodyBytes);
        this.routes = routes;
    }

    /**
     * The connection stays open only when the rest of the body can still be skipped (the aggregator
     * discards it); a request already read whole, or one without keep-alive, is answered and closed.
     */
    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) throws Exception {
        if (!(oversized instanceof HttpRequest)) {
            super.handleOversizedMessage(ctx, oversized);
            return;
        }
        boolean keepAlive = !(oversized instanceof FullHttpMessage) && HttpUtil.isKeepAlive(oversized);
        JsonHttpResponses.send(ctx, tooLarge(), keepAlive);
    }

    /**
     * A refused {@code Expect} (413 for a declared body over the limit, 417 for an expectation other
     * than 100-continue) gets a JSON body and closes the connection: the client will not send the
     * body the decoder still waits for, so the connection cannot be trusted to carry another request.
     */
    @Override
    protected Object newContinueResponse(HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
        Object response = super.newContinueResponse(start, maxContentLength, pipeline);
        if (response instanceof FullHttpResponse refused && isRefusal(refused)) {
            refused.release();
            JsonResponse json = refused.status().equals(HttpResponseStatus.EXPECTATION_FAILED)
                    ? routes.error(HttpResponseStatus.EXPECTATION_FAILED.code(), "expect", "only 100-continue is supported")
                    : tooLarge();
            return JsonHttpResponses.toHttp(json, false);
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

    private JsonResponse tooLarge() {
        return routes.error(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE.code(), "body", "larger than " + maxContentLength() + " bytes");
    }
}
