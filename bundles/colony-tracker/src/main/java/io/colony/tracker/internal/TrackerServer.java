package io.colony.tracker.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.Future;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.osgi.service.log.Logger;

/**
 * The tracker's HTTP server on Netty: a small event loop group (threads {@code colony-tracker-*})
 * that serves the routes and purges expired nodes. Runs without OSGi: give it settings, a registry
 * and a logger; {@link #close()} waits a bounded time.
 */
final class TrackerServer implements AutoCloseable {

    static final int EVENT_LOOP_THREADS = 2;
    static final Duration BIND_TIMEOUT = Duration.ofSeconds(10);
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration MIN_PURGE_PERIOD = Duration.ofMillis(50);
    private static final Duration MAX_PURGE_PERIOD = Duration.ofSeconds(1);

    private final EventLoopGroup group;
    private final Channel serverChannel;
    private final ScheduledFuture<?> purge;
    private final Logger log;

    private TrackerServer(EventLoopGroup group, Channel serverChannel, ScheduledFuture<?> purge, Logger log) {
        this.group = group;
        this.serverChannel = serverChannel;
        this.purge = purge;
        this.log = log;
    }

    /**
     * Binds and starts serving.
     *
     * @throws IllegalStateException when the address cannot be bound within {@link #BIND_TIMEOUT}
     */
    static TrackerServer start(TrackerSettings settings, NodeRegistry registry, Logger log) {
        ObjectMapper mapper = JsonBodies.strictMapper();
        TrackerRoutes routes = new TrackerRoutes(registry, new AnnouncementParser(mapper), new JsonBodies(mapper));
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(EVENT_LOOP_THREADS,
                new DefaultThreadFactory("colony-tracker", true), NioIoHandler.newFactory());
        InetSocketAddress address = new InetSocketAddress(settings.bindAddress(), settings.port());
        ChannelFuture bind = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 128)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new TrackerChannelInitializer(settings.maxBodyBytes(), IDLE_TIMEOUT,
                        new ConnectionLimit(settings.maxConnections()), routes, log))
                .bind(address);
        boolean done = bind.awaitUninterruptibly(BIND_TIMEOUT.toMillis());
        if (!done || !bind.isSuccess()) {
            bind.channel().close();
            shutDown(group, log);
            String reason = done ? String.valueOf(bind.cause()) : "timed out after " + BIND_TIMEOUT.toMillis() + " ms";
            throw new IllegalStateException("Tracker cannot listen on " + settings.bindAddress() + ":" + settings.port() + ": " + reason, bind.cause());
        }
        long period = purgePeriod(registry.ttl()).toMillis();
        ScheduledFuture<?> purge = group.next().scheduleAtFixedRate(registry::purgeExpired, period, period, TimeUnit.MILLISECONDS);
        return new TrackerServer(group, bind.channel(), purge, log);
    }

    /** The address actually bound (the port is known here when 0 was configured). */
    InetSocketAddress localAddress() {
        return (InetSocketAddress) serverChannel.localAddress();
    }

    /** Stops accepting, closes every connection and the event loop threads, waiting at most about {@link #CLOSE_TIMEOUT} twice. */
    @Override
    public void close() {
        purge.cancel(false);
        if (!serverChannel.close().awaitUninterruptibly(CLOSE_TIMEOUT.toMillis())) {
            log.warn("Tracker: the listening socket did not close within {} ms", CLOSE_TIMEOUT.toMillis());
        }
        shutDown(group, log);
    }

    private static void shutDown(EventLoopGroup group, Logger log) {
        Future<?> terminated = group.shutdownGracefully(0, CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (!terminated.awaitUninterruptibly(CLOSE_TIMEOUT.toMillis() + 1000)) {
            log.warn("Tracker: event loop threads did not stop within {} ms", CLOSE_TIMEOUT.toMillis() + 1000);
        }
    }

    /** Often enough that an expired node is logged soon after it vanishes from answers; at most once a second. */
    static Duration purgePeriod(Duration ttl) {
        Duration half = ttl.dividedBy(2);
        return half.compareTo(MIN_PURGE_PERIOD) < 0 ? MIN_PURGE_PERIOD : half.compareTo(MAX_PURGE_PERIOD) > 0 ? MAX_PURGE_PERIOD : half;
    }
}
