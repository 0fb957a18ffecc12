package io.colony.transport.internal;

import io.colony.transport.api.Peer;
import io.colony.transport.api.PeerListener;
import io.colony.transport.api.RequestHandler;
import io.colony.transport.api.Transport;
import io.colony.transport.api.TransportException;
import io.colony.transport.proto.Envelope;
import io.colony.transport.proto.Envelope.BodyCase;
import io.colony.transport.proto.Error.Code;
import io.colony.transport.proto.Heartbeat;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A running transport without OSGi: listens, connects, authenticates, sends heartbeats. The OSGi
 * component wraps one; tests and the benchmark create them directly.
 */
public final class TransportNode implements Transport, AutoCloseable {

    private static final long BIND_TIMEOUT_SECONDS = 10;
    private static final long CLOSE_TIMEOUT_SECONDS = 5;

    private final TransportContext context;
    private final Supplier<Heartbeat> heartbeats;
    private final EventLoopGroup group;
    private final Channel server;
    private final ScheduledFuture<?> heartbeatTask;
    private volatile boolean closed;

    /**
     * Starts listening.
     *
     * @param heartbeats this node's heartbeat, asked once per interval; null or failing means an empty one
     * @throws TransportException when the address cannot be bound
     * @throws io.colony.api.config.InvalidConfigurationException when TLS is on and its keystore or truststore cannot be used
     */
    public static TransportNode start(LocalNode local, TransportSettings settings, TransportLog log, Supplier<Heartbeat> heartbeats) {
        return new TransportNode(local, settings, log, heartbeats);
    }

    private TransportNode(LocalNode local, TransportSettings settings, TransportLog log, Supplier<Heartbeat> heartbeats) {
        TlsContexts tls = TlsContexts.create(settings);
        this.heartbeats = heartbeats;
        this.group = new MultiThreadIoEventLoopGroup(settings.ioThreads(), new DefaultThreadFactory("colony-transport", true),
                NioIoHandler.newFactory());
        int[] boundPort = new int[1];
        this.context = new TransportContext(local, settings, tls, log, () -> boundPort[0]);
        try {
            this.server = bind(settings);
        } catch (RuntimeException e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw e;
        }
        boundPort[0] = ((InetSocketAddress) server.localAddress()).getPort();
        long interval = settings.heartbeatInterval().toMillis();
        this.heartbeatTask = group.next().scheduleAtFixedRate(this::sendHeartbeats, interval, interval, TimeUnit.MILLISECONDS);
        log.info("Transport: node " + local.id() + " of cluster " + local.clusterName() + " listens on " + server.localAddress()
                + (tls != null ? " with " + settings.tls() : ""));
    }

    private Channel bind(TransportSettings settings) {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 128)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, waterMark(settings))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        ChannelSetup.server(channel, context);
                    }
                });
        ChannelFuture bound = bootstrap.bind(settings.bindAddress(), settings.port());
        if (!bound.awaitUninterruptibly(BIND_TIMEOUT_SECONDS, TimeUnit.SECONDS) || !bound.isSuccess()) {
            throw new TransportException("cannot listen on " + settings.bindAddress() + ":" + settings.port() + ": "
                    + (bound.cause() != null ? bound.cause().getMessage() : "timed out"), bound.cause());
        }
        return bound.channel();
    }

    private static WriteBufferWaterMark waterMark(TransportSettings settings) {
        return new WriteBufferWaterMark(settings.writeBufferLowWaterMark(), settings.writeBufferHighWaterMark());
    }

    @Override
    public String nodeId() {
        return context.local.id();
    }

    @Override
    public int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    @Override
    public CompletableFuture<Peer> connect(String host, int port) {
        if (closed) {
            return CompletableFuture.failedFuture(new TransportException("the transport of node " + nodeId() + " is closed"));
        }
        Optional<NodePeer> existing = context.registry.peerListeningAt(host, port);
        if (existing.isPresent()) {
            return CompletableFuture.completedFuture(existing.get());
        }
        CompletableFuture<NodePeer> result = new CompletableFuture<>();
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, waterMark(context.settings))
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) context.settings.handshakeTimeout().toMillis())
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        ChannelSetup.client(channel, context, result);
                    }
                });
        bootstrap.connect(host, port).addListener((ChannelFuture connected) -> {
            if (!connected.isSuccess()) {
                result.completeExceptionally(new TransportException("cannot connect to " + host + ":" + port + ": "
                        + connected.cause().getMessage(), connected.cause()));
            }
        });
        return result.handle((peer, failure) -> {
            if (failure != null) {
                Throwable cause = failure.getCause() != null && !(failure instanceof TransportException) ? failure.getCause() : failure;
                String message = "connection to " + host + ":" + port + " failed: " + cause.getMessage();
                throw new TransportException(message, cause);
            }
            return peer;
        });
    }

    @Override
    public Collection<Peer> peers() {
        return List.copyOf(context.registry.peers().stream().filter(NodePeer::isConnected).toList());
    }

    @Override
    public Optional<Peer> peer(String nodeId) {
        return context.registry.peer(nodeId).map(Peer.class::cast);
    }

    @Override
    public AutoCloseable addListener(PeerListener listener) {
        return context.listeners.add(listener);
    }

    @Override
    public AutoCloseable handle(BodyCase bodyCase, RequestHandler handler) {
        return context.handlers.add(bodyCase, handler);
    }

    /** Connections by node id, for tests of this package. */
    Optional<PeerConnection> connection(String nodeId) {
        return context.registry.peer(nodeId).map(NodePeer::connection);
    }

    private void sendHeartbeats() {
        Collection<NodePeer> peers = context.registry.peers();
        if (peers.isEmpty()) {
            return;
        }
        Envelope envelope = Envelope.newBuilder().setHeartbeat(currentHeartbeat()).build();
        for (NodePeer peer : peers) {
            if (peer.isConnected()) {
                peer.connection().write(envelope);
            }
        }
    }

    private Heartbeat currentHeartbeat() {
        Heartbeat heartbeat = null;
        try {
            heartbeat = heartbeats == null ? null : heartbeats.get();
        } catch (RuntimeException e) {
            context.log.warn("Transport: the heartbeat source failed, sending an empty heartbeat: " + e);
        }
        if (heartbeat == null) {
            heartbeat = Heartbeat.getDefaultInstance();
        }
        return heartbeat.getSentAtMillis() != 0 ? heartbeat : heartbeat.toBuilder().setSentAtMillis(System.currentTimeMillis()).build();
    }

    /** Tells every peer this node is leaving, closes every connection and stops the threads (bounded). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        heartbeatTask.cancel(false);
        server.close().awaitUninterruptibly(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        for (NodePeer peer : context.registry.peers()) {
            context.closer.closeDeliberately(peer.connection().channel(), Code.SHUTDOWN, "node " + nodeId() + " is shutting down");
        }
        for (NodePeer peer : context.registry.peers()) {
            peer.connection().channel().closeFuture().awaitUninterruptibly(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        group.shutdownGracefully(0, CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS).awaitUninterruptibly(CLOSE_TIMEOUT_SECONDS * 2, TimeUnit.SECONDS);
    }
}
