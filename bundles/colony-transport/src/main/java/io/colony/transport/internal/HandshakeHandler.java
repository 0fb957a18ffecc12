package io.colony.transport.internal;

import com.google.protobuf.ByteString;
import io.colony.transport.api.TransportException;
import io.colony.transport.proto.Challenge;
import io.colony.transport.proto.ChallengeResponse;
import io.colony.transport.proto.Envelope;
import io.colony.transport.proto.Envelope.BodyCase;
import io.colony.transport.proto.Error.Code;
import io.colony.transport.proto.Hello;
import io.colony.transport.proto.Welcome;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the handshake of one connection (see colony.proto): the client says Hello, the server answers
 * with a Challenge carrying its own Hello, the client proves it holds the cluster secret, the server
 * verifies and proves it in turn with its Welcome. Then the handler hands the connection over to a
 * {@link PeerHandler}. Anything else, or nothing within the handshake timeout, closes the connection.
 */
final class HandshakeHandler extends SimpleChannelInboundHandler<Envelope> {

    private final TransportContext context;
    private final boolean client;
    private final CompletableFuture<NodePeer> result;
    private final byte[] nonce = HandshakeProof.nonce();
    private Hello remote;
    private ScheduledFuture<?> timeout;
    private boolean finished;

    /** The client side: completes {@code result} with the connection (or the one it duplicates). */
    static HandshakeHandler client(TransportContext context, CompletableFuture<NodePeer> result) {
        return new HandshakeHandler(context, true, result);
    }

    static HandshakeHandler server(TransportContext context) {
        return new HandshakeHandler(context, false, new CompletableFuture<>());
    }

    private HandshakeHandler(TransportContext context, boolean client, CompletableFuture<NodePeer> result) {
        this.context = context;
        this.client = client;
        this.result = result;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        long millis = context.settings.handshakeTimeout().toMillis();
        timeout = ctx.executor().schedule(() -> refuse(ctx, Code.HANDSHAKE_TIMEOUT, "handshake not finished within " + millis + " ms"),
                millis, TimeUnit.MILLISECONDS);
        if (client) {
            ctx.writeAndFlush(Envelope.newBuilder().setHello(context.hello(nonce)).build());
        }
        super.channelActive(ctx);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Envelope envelope) {
        if (finished) {
            return;
        }
        if (envelope.hasError()) {
            String reason = "refused by the peer: " + Envelopes.describe(envelope.getError());
            boolean duplicate = envelope.getError().getCode() == Code.DUPLICATE_CONNECTION;
            context.closer.closeQuietly(ctx.channel(), reason, !duplicate);
            if (duplicate && remote != null) {
                finishWithExisting(ctx, remote.getNodeId(), reason);
            } else {
                fail(reason);
            }
            return;
        }
        BodyCase expected = expectedBody();
        if (envelope.getBodyCase() != expected) {
            refuse(ctx, Code.PROTOCOL_VIOLATION, "expected " + expected + " during the handshake, got " + envelope.getBodyCase());
            return;
        }
        switch (expected) {
            case HELLO -> onHello(ctx, envelope.getHello());
            case CHALLENGE -> onChallenge(ctx, envelope.getChallenge());
            case CHALLENGE_RESPONSE -> onChallengeResponse(ctx, envelope.getChallengeResponse());
            case WELCOME -> onWelcome(ctx, envelope.getWelcome());
            default -> throw new IllegalStateException(expected.name());
        }
    }

    private BodyCase expectedBody() {
        if (client) {
            return remote == null ? BodyCase.CHALLENGE : BodyCase.WELCOME;
        }
        return remote == null ? BodyCase.HELLO : BodyCase.CHALLENGE_RESPONSE;
    }

    private void onHello(ChannelHandlerContext ctx, Hello hello) {
        if (accept(ctx, hello)) {
            ctx.writeAndFlush(Envelope.newBuilder().setChallenge(Challenge.newBuilder().setHello(context.hello(nonce))).build());
        }
    }

    private void onChallenge(ChannelHandlerContext ctx, Challenge challenge) {
        if (accept(ctx, challenge.getHello())) {
            byte[] proof = context.proof.prove(HandshakeProof.CLIENT, remote.getNonce().toByteArray(), context.local.id(), remote.getNodeId());
            ctx.writeAndFlush(Envelope.newBuilder().setChallengeResponse(ChallengeResponse.newBuilder().setProof(ByteString.copyFrom(proof))).build());
        }
    }

    private void onChallengeResponse(ChannelHandlerContext ctx, ChallengeResponse response) {
        if (!context.proof.verify(response.getProof().toByteArray(), HandshakeProof.CLIENT, nonce, remote.getNodeId(), context.local.id())) {
            refuse(ctx, Code.AUTHENTICATION_FAILED, "authentication failed: wrong cluster secret");
            return;
        }
        PeerConnection candidate = new PeerConnection(ctx.channel(), remote, remote.getNodeId(), context.closer);
        PeerRegistry.Registration registration = context.authenticated(candidate);
        if (!registration.accepted(candidate)) {
            refuse(ctx, Code.DUPLICATE_CONNECTION, context.duplicateReason(registration.kept()));
            return;
        }
        byte[] proof = context.proof.prove(HandshakeProof.SERVER, remote.getNonce().toByteArray(), context.local.id(), remote.getNodeId());
        ctx.writeAndFlush(Envelope.newBuilder().setWelcome(Welcome.newBuilder().setProof(ByteString.copyFrom(proof))).build());
        handOver(ctx, registration);
    }

    private void onWelcome(ChannelHandlerContext ctx, Welcome welcome) {
        if (!context.proof.verify(welcome.getProof().toByteArray(), HandshakeProof.SERVER, nonce, remote.getNodeId(), context.local.id())) {
            refuse(ctx, Code.AUTHENTICATION_FAILED, "authentication failed: wrong cluster secret");
            return;
        }
        PeerConnection candidate = new PeerConnection(ctx.channel(), remote, context.local.id(), context.closer);
        PeerRegistry.Registration registration = context.authenticated(candidate);
        if (!registration.accepted(candidate)) {
            finished = true;
            timeout.cancel(false);
            context.closer.closeDeliberately(ctx.channel(), Code.DUPLICATE_CONNECTION, context.duplicateReason(registration.kept()));
            result.complete(registration.node());
            return;
        }
        handOver(ctx, registration);
    }

    private boolean accept(ChannelHandlerContext ctx, Hello hello) {
        TransportContext.RefusalReason refusal = context.refusal(hello);
        if (refusal != null) {
            refuse(ctx, refusal.code(), refusal.message());
            return false;
        }
        remote = hello;
        return true;
    }

    private void handOver(ChannelHandlerContext ctx, PeerRegistry.Registration registration) {
        PeerConnection connection = registration.kept();
        finished = true;
        timeout.cancel(false);
        long idleMillis = context.settings.heartbeatTimeout().toMillis();
        ctx.pipeline().addLast("idle", new IdleStateHandler(idleMillis, 0, 0, TimeUnit.MILLISECONDS));
        ctx.pipeline().addLast("peer", new PeerHandler(context, connection, registration.node()));
        ctx.pipeline().remove(this);
        context.log.info("Transport: connected to node " + connection.nodeId() + " at " + ctx.channel().remoteAddress()
                + (client ? " (outbound)" : " (inbound)") + ", roles " + connection.roles());
        if (registration.newNode()) {
            context.listeners.connected(registration.node());
        }
        result.complete(registration.node());
    }

    private void finishWithExisting(ChannelHandlerContext ctx, String nodeId, String reason) {
        finished = true;
        long deadline = System.nanoTime() + context.settings.handshakeTimeout().toNanos();
        awaitPeer(ctx, nodeId, reason, deadline);
    }

    /** The peer kept the other connection between us: wait (bounded) until this side sees it too. */
    private void awaitPeer(ChannelHandlerContext ctx, String nodeId, String reason, long deadline) {
        var existing = context.registry.peer(nodeId);
        if (existing.isPresent()) {
            result.complete(existing.get());
        } else if (System.nanoTime() > deadline) {
            fail(reason);
        } else {
            ctx.executor().schedule(() -> awaitPeer(ctx, nodeId, reason, deadline), 20, TimeUnit.MILLISECONDS);
        }
    }

    private void refuse(ChannelHandlerContext ctx, Code code, String reason) {
        if (code == Code.DUPLICATE_CONNECTION) {
            context.closer.closeDeliberately(ctx.channel(), code, reason);
        } else {
            context.closer.close(ctx.channel(), code, reason);
        }
        fail(reason);
    }

    private void fail(String reason) {
        finished = true;
        if (timeout != null) {
            timeout.cancel(false);
        }
        result.completeExceptionally(new TransportException(reason));
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (!finished) {
            String reason = ConnectionCloser.reason(ctx.channel(), "connection closed during the handshake");
            if (ConnectionCloser.recordReason(ctx.channel(), reason)) {
                context.log.warn("Transport: connection with " + ctx.channel().remoteAddress() + " closed during the handshake");
            }
            fail(reason);
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        BadInput.close(context.closer, ctx.channel(), cause);
        fail(ConnectionCloser.reason(ctx.channel(), String.valueOf(cause)));
    }
}
