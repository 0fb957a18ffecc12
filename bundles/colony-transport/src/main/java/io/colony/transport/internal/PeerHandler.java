package io.colony.transport.internal;

import io.colony.transport.api.RequestHandler;
import io.colony.transport.proto.Envelope;
import io.colony.transport.proto.Error.Code;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.timeout.IdleStateEvent;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * Serves an authenticated connection: completes pending requests with their responses, passes
 * requests to their handlers and heartbeats to the listeners, closes the connection when nothing
 * arrived within the heartbeat timeout, and reports the peer lost when the connection closes.
 */
final class PeerHandler extends SimpleChannelInboundHandler<Envelope> {

    private final TransportContext context;
    private final PeerConnection peer;
    private final NodePeer node;

    PeerHandler(TransportContext context, PeerConnection peer, NodePeer node) {
        this.context = context;
        this.peer = peer;
        this.node = node;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Envelope envelope) {
        if (envelope.getResponse()) {
            if (!peer.pending().complete(envelope)) {
                context.log.debug("Transport: late response " + envelope.getCorrelationId() + " from node " + peer.nodeId() + " dropped");
            }
            return;
        }
        switch (envelope.getBodyCase()) {
            case HEARTBEAT -> context.listeners.heartbeat(node, envelope.getHeartbeat());
            case ERROR -> {
                boolean duplicate = envelope.getError().getCode() == Code.DUPLICATE_CONNECTION;
                if (duplicate) {
                    peer.markSuperseded();
                }
                context.closer.closeQuietly(ctx.channel(), "node " + peer.nodeId() + " closed the connection: "
                        + Envelopes.describe(envelope.getError()), !duplicate);
            }
            case HELLO, CHALLENGE, CHALLENGE_RESPONSE, WELCOME -> context.closer.close(ctx.channel(), Code.PROTOCOL_VIOLATION,
                    envelope.getBodyCase() + " after the handshake");
            default -> dispatch(envelope);
        }
    }

    private void dispatch(Envelope request) {
        long correlationId = request.getCorrelationId();
        Optional<RequestHandler> handler = context.handlers.find(request.getBodyCase());
        if (handler.isEmpty()) {
            String reason = "node " + context.local.id() + " has no handler for " + request.getBodyCase() + " messages";
            if (correlationId != 0) {
                peer.write(Envelopes.errorResponse(correlationId, Code.NO_HANDLER, reason));
            } else {
                context.log.debug("Transport: " + reason + "; one-way message from " + peer.nodeId() + " dropped");
            }
            return;
        }
        CompletableFuture<Envelope> response;
        try {
            response = handler.get().handle(node, request);
        } catch (RuntimeException e) {
            response = CompletableFuture.failedFuture(e);
        }
        if (response == null) {
            response = CompletableFuture.failedFuture(new IllegalStateException("the handler returned no response"));
        }
        response.whenComplete((answer, failure) -> respond(request, answer, failure));
    }

    private void respond(Envelope request, Envelope answer, Throwable failure) {
        long correlationId = request.getCorrelationId();
        if (failure == null && answer == null) {
            failure = new IllegalStateException("the handler completed with no response");
        }
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            context.log.warn("Transport: handler for " + request.getBodyCase() + " from node " + peer.nodeId() + " failed: " + cause);
            if (correlationId != 0) {
                String message = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getName();
                peer.write(Envelopes.errorResponse(correlationId, Code.HANDLER_FAILED, message));
            }
            return;
        }
        if (correlationId != 0) {
            peer.write(answer.toBuilder().setCorrelationId(correlationId).setResponse(true).build());
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent) {
            context.closer.close(ctx.channel(), Code.HEARTBEAT_TIMEOUT, "nothing received from node " + peer.nodeId() + " for "
                    + context.settings.heartbeatTimeout().toMillis() + " ms (heartbeat timeout)");
            return;
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        String reason = ConnectionCloser.reason(ctx.channel(), "connection closed by the peer");
        if (ConnectionCloser.recordReason(ctx.channel(), reason)) {
            context.log.info("Transport: connection with node " + peer.nodeId() + " (" + ctx.channel().remoteAddress() + ") closed by the peer");
        }
        peer.pending().failAll("connection to node " + peer.nodeId() + " lost: " + reason);
        if (peer.superseded()) {
            // the connection the peer kept is on its way: the node is lost only if it does not come
            ctx.executor().schedule(() -> reportLost(reason), context.settings.handshakeTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } else {
            reportLost(reason);
        }
        super.channelInactive(ctx);
    }

    private void reportLost(String reason) {
        context.registry.remove(peer).ifPresent(lost -> {
            context.log.info("Transport: node " + peer.nodeId() + " lost");
            context.listeners.lost(lost, reason);
        });
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        BadInput.close(context.closer, ctx.channel(), cause);
    }
}
