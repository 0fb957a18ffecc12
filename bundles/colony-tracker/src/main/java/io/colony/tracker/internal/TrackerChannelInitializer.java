package io.colony.tracker.internal;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.osgi.service.log.Logger;

/** Builds each connection's pipeline: idle timeout, HTTP codec, bounded aggregation, the tracker's handler. */
final class TrackerChannelInitializer extends ChannelInitializer<SocketChannel> {

    private final int maxBodyBytes;
    private final Duration idleTimeout;
    private final ConnectionLimit connections;
    private final TrackerRoutes routes;
    private final TrackerHttpHandler handler;
    private final Logger log;

    TrackerChannelInitializer(int maxBodyBytes, Duration idleTimeout, ConnectionLimit connections, TrackerRoutes routes, Logger log) {
        this.maxBodyBytes = maxBodyBytes;
        this.idleTimeout = idleTimeout;
        this.connections = connections;
        this.routes = routes;
        this.handler = new TrackerHttpHandler(routes, log);
        this.log = log;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        if (!connections.tryAcquire()) {
            log.debug("Tracker: refusing connection from {}: {} connections open already", channel.remoteAddress(), connections.max());
            channel.close();
            return;
        }
        channel.closeFuture().addListener(closed -> connections.release());
        channel.pipeline()
                .addLast(new IdleStateHandler(0, 0, idleTimeout.toMillis(), TimeUnit.MILLISECONDS))
                .addLast(new HttpServerCodec())
                .addLast(new JsonErrorAggregator(maxBodyBytes, routes))
                .addLast(handler);
    }
}
