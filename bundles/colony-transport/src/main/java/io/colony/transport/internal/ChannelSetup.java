package io.colony.transport.internal;

import io.colony.transport.internal.wire.EnvelopeDecoder;
import io.colony.transport.internal.wire.EnvelopeEncoder;
import io.colony.transport.internal.wire.FrameDecoder;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import java.util.concurrent.CompletableFuture;

/**
 * The pipeline of every connection: TLS (when enabled), frames, envelopes, then the handshake
 * (replaced by a peer handler).
 */
final class ChannelSetup {

    private static final EnvelopeEncoder ENCODER = new EnvelopeEncoder();

    private ChannelSetup() {
    }

    static void server(SocketChannel channel, TransportContext context) {
        if (context.tls != null) {
            channel.pipeline()
                    .addLast("tls", context.tls.serverHandler(channel.alloc()))
                    .addLast("tls-failure", new TlsFailureHandler(context, true));
        }
        codec(channel.pipeline(), context).addLast("handshake", HandshakeHandler.server(context));
    }

    static void client(SocketChannel channel, TransportContext context, CompletableFuture<NodePeer> result) {
        if (context.tls != null) {
            channel.pipeline()
                    .addLast("tls", context.tls.clientHandler(channel.alloc()))
                    .addLast("tls-failure", new TlsFailureHandler(context, false));
        }
        codec(channel.pipeline(), context).addLast("handshake", HandshakeHandler.client(context, result));
    }

    private static ChannelPipeline codec(ChannelPipeline pipeline, TransportContext context) {
        return pipeline
                .addLast("frames", new FrameDecoder(context.settings.maxFrameBytes()))
                .addLast("envelopes", new EnvelopeDecoder())
                .addLast("truncation", context.truncation)
                .addLast("encoder", ENCODER);
    }
}
