package io.colony.http.internal.netty;

import io.colony.http.internal.routing.Dispatcher;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.osgi.service.log.Logger;

/** Builds each connection's pipeline: idle timeout, HTTP codec, bounded aggregation, the API's handler. */
public final class ApiChannelInitializer extends ChannelInitializer<SocketChannel> {

    private final int maxBodyBytes;
    private final Duration idleTimeout;
    private final ConnectionLimit connections;
    private final Dispatcher dispatcher;
    private final Logger log;

    public ApiChannelInitializer(int maxBodyBytes, int maxConnections, Duration idleTimeout, Dispatcher dispatcher, Logger log) {
        this.maxBodyBytes = maxBodyBytes;
        this.idleTimeout = idleTimeout;
        this.connections = new ConnectionLimit(maxConnections);
        this.dispatcher = dispatcher;
        this.log = log;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        if (!connections.tryAcquire()) {
            log.debug("HTTP: refusing connection from {}: {} connections open already", channel.remoteAddress(), connections.max());
            channel.close();
            return;
        }
        channel.closeFuture().addListener(closed -> connections.release());
        channel.pipeline()
                .addLast(new IdleStateHandler(0, 0, idleTimeout.toMillis(), TimeUnit.MILLISECONDS))
                .addLast(new HttpServerCodec())
                .addLast(new BodyLimitAggregator(maxBodyBytes, dispatcher))
                .addLast(new ApiHandler(dispatcher, log));
    }
}
