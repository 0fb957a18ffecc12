package io.colony.http.internal;

import io.colony.api.job.JobService;
import io.colony.api.job.JobSpecCodec;
import io.colony.http.internal.api.JobRoutes;
import io.colony.http.internal.api.JsonViews;
import io.colony.http.internal.api.SystemRoutes;
import io.colony.http.internal.api.WorkerRoutes;
import io.colony.http.internal.auth.AccessControl;
import io.colony.http.internal.events.EventStream;
import io.colony.http.internal.netty.ApiChannelInitializer;
import io.colony.http.internal.pcci.PcciRoutes;
import io.colony.http.internal.routing.Dispatcher;
import io.colony.http.internal.routing.Replies;
import io.colony.http.internal.routing.Router;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.osgi.service.log.Logger;

/**
 * The REST API's HTTP server: Netty event loop threads ({@code colony-http-*}) read and write, a
 * bounded pool ({@code colony-http-request-*}, with a bounded queue) answers. Runs without OSGi: give
 * it settings, access control, the manager's services and a logger; {@link #close()} waits a bounded time.
 */
public final class ApiServer implements AutoCloseable {

    static final int EVENT_LOOP_THREADS = 2;
    static final Duration BIND_TIMEOUT = Duration.ofSeconds(10);
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
    /** A connection with no request in progress and no traffic for this long is closed. */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(60);
    /** How long a route may take to answer (the manager's calls do not block by contract). */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** The safety net over a route's own asynchronous wait (a result's {@code ?wait=}). */
    static final Duration ASYNC_LIMIT = Duration.ofSeconds(JobRoutes.MAX_WAIT_SECONDS).plus(REQUEST_TIMEOUT);

    private final EventLoopGroup group;
    private final ExecutorService executor;
    private final EventStream events;
    private final Router router;
    private final Channel serverChannel;
    private final Logger log;

    private ApiServer(EventLoopGroup group, ExecutorService executor, EventStream events, Router router, Channel serverChannel, Logger log) {
        this.group = group;
        this.executor = executor;
        this.events = events;
        this.router = router;
        this.serverChannel = serverChannel;
        this.log = log;
    }

    /**
     * Binds and starts serving.
     *
     * @param eventKeepAlive how often an idle event stream gets a comment ({@link EventStream#DEFAULT_KEEP_ALIVE})
     * @throws IllegalStateException when the address cannot be bound within {@link #BIND_TIMEOUT}
     */
    public static ApiServer start(HttpSettings settings, AccessControl access, JobService jobs, JobSpecCodec codec,
            String nodeId, Duration eventKeepAlive, Logger log) {
        Replies replies = new Replies(Replies.strictMapper());
        ThreadPoolExecutor executor = new ThreadPoolExecutor(settings.threads(), settings.threads(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(settings.queueCapacity()), new DefaultThreadFactory("colony-http-request", true));
        executor.allowCoreThreadTimeOut(true);
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(EVENT_LOOP_THREADS,
                new DefaultThreadFactory("colony-http", true), NioIoHandler.newFactory());
        EventStream events = new EventStream(settings.maxEventStreams(), eventKeepAlive, group, replies, log);
        try {
            Router router = new Router();
            JsonViews views = new JsonViews(replies, codec);
            new SystemRoutes(nodeId, events, replies).register(router);
            new JobRoutes(jobs, codec, views, replies, executor).register(router);
            new WorkerRoutes(jobs, views, replies).register(router);
            new PcciRoutes(jobs, replies).register(router);
            Dispatcher dispatcher = new Dispatcher(router, access, replies, executor, REQUEST_TIMEOUT, ASYNC_LIMIT, log);
            Channel channel = bind(settings, new ApiChannelInitializer(settings.maxBodyBytes(), settings.maxConnections(), IDLE_TIMEOUT, dispatcher, log), group);
            return new ApiServer(group, executor, events, router, channel, log);
        } catch (RuntimeException e) {
            events.close();
            shutDown(group, executor, log);
            throw e;
        }
    }

    /** @throws IllegalStateException when the address cannot be bound within {@link #BIND_TIMEOUT} */
    private static Channel bind(HttpSettings settings, ApiChannelInitializer initializer, EventLoopGroup group) {
        InetSocketAddress address = new InetSocketAddress(settings.bindAddress(), settings.port());
        ChannelFuture bind = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 128)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(initializer)
                .bind(address);
        boolean done = bind.awaitUninterruptibly(BIND_TIMEOUT.toMillis());
        if (!done || !bind.isSuccess()) {
            bind.channel().close();
            String reason = done ? String.valueOf(bind.cause()) : "timed out after " + BIND_TIMEOUT.toMillis() + " ms";
            throw new IllegalStateException("REST API cannot listen on " + settings.bindAddress() + ":" + settings.port() + ": " + reason, bind.cause());
        }
        return bind.channel();
    }

    /** The address actually bound (the port is known here when 0 was configured). */
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) serverChannel.localAddress();
    }

    /** Sends an EventAdmin event to the event streams; any thread, never blocks. */
    public void publish(String topic, Map<String, ?> properties) {
        events.publish(topic, properties);
    }

    /** How many event streams are open. */
    public int eventStreams() {
        return events.clients();
    }

    /** The routes served, for the OpenAPI document's check. */
    public List<Router.Route> routes() {
        return router.routes();
    }

    /** Stops accepting, closes every connection, the event loop threads and the request threads, waiting a bounded time. */
    @Override
    public void close() {
        if (!serverChannel.close().awaitUninterruptibly(CLOSE_TIMEOUT.toMillis())) {
            log.warn("REST API: the listening socket did not close within {} ms", CLOSE_TIMEOUT.toMillis());
        }
        events.close();
        shutDown(group, executor, log);
    }

    private static void shutDown(EventLoopGroup group, ExecutorService executor, Logger log) {
        Future<?> terminated = group.shutdownGracefully(0, CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (!terminated.awaitUninterruptibly(CLOSE_TIMEOUT.toMillis() + 1000)) {
            log.warn("REST API: event loop threads did not stop within {} ms", CLOSE_TIMEOUT.toMillis() + 1000);
        }
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("REST API: request threads did not stop within {} ms", CLOSE_TIMEOUT.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
