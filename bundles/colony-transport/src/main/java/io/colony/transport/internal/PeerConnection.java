package io.colony.transport.internal;

import io.colony.transport.api.Peer;
import io.colony.transport.api.TransportException;
import io.colony.transport.proto.Envelope;
import io.colony.transport.proto.Error.Code;
import io.colony.transport.proto.Hello;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPromise;
import io.netty.channel.EventLoop;
import io.netty.util.AttributeKey;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One authenticated connection. Writes are not flushed one by one: the first write of an event-loop
 * turn schedules a flush that runs after every write queued in that turn.
 */
final class PeerConnection implements Peer {

    static final AttributeKey<PeerConnection> KEY = AttributeKey.valueOf("colony.peer");

    private final Channel channel;
    private final EventLoop loop;
    private final Hello hello;
    private final Set<String> roles;
    private final String initiatorId;
    private final PendingRequests pending;
    private final ConnectionCloser closer;
    private final AtomicLong flushes = new AtomicLong();
    private final Runnable flushTask = this::flushNow;
    private boolean flushScheduled;
    private volatile boolean superseded;

    PeerConnection(Channel channel, Hello hello, String initiatorId, ConnectionCloser closer) {
        this.channel = channel;
        this.loop = channel.eventLoop();
        this.hello = hello;
        this.roles = Set.copyOf(new LinkedHashSet<>(hello.getRolesList()));
        this.initiatorId = initiatorId;
        this.pending = new PendingRequests(loop);
        this.closer = closer;
    }

    @Override
    public String nodeId() {
        return hello.getNodeId();
    }

    @Override
    public Set<String> roles() {
        return roles;
    }

    @Override
    public String host() {
        return channel.remoteAddress() instanceof InetSocketAddress address ? address.getHostString() : String.valueOf(channel.remoteAddress());
    }

    @Override
    public int listenPort() {
        return hello.getListenPort();
    }

    /** The node that opened this connection: decides which of two duplicate connections stays. */
    String initiatorId() {
        return initiatorId;
    }

    Channel channel() {
        return channel;
    }

    PendingRequests pending() {
        return pending;
    }

    /** The peer closed this connection because it keeps another one with this node, which is on its way. */
    void markSuperseded() {
        superseded = true;
    }

    boolean superseded() {
        return superseded;
    }

    long flushes() {
        return flushes.get();
    }

    @Override
    public CompletableFuture<Envelope> request(Envelope request, Duration timeout) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(timeout, "timeout");
        CompletableFuture<Envelope> response = new CompletableFuture<>();
        long id = pending.open(response, timeout, nodeId());
        Envelope correlated = request.toBuilder().setCorrelationId(id).setResponse(false).build();
        write(correlated).whenComplete((ignored, failure) -> {
            if (failure != null) {
                pending.fail(id, "cannot send to node " + nodeId() + ": " + failure.getMessage());
            }
        });
        return response;
    }

    @Override
    public CompletableFuture<Void> send(Envelope message) {
        return write(Objects.requireNonNull(message, "message"));
    }

    CompletableFuture<Void> write(Envelope message) {
        CompletableFuture<Void> written = new CompletableFuture<>();
        if (!channel.isActive()) {
            written.completeExceptionally(new TransportException("connection to node " + nodeId() + " is closed: "
                    + ConnectionCloser.reason(channel, "closed")));
            return written;
        }
        ChannelPromise promise = channel.newPromise();
        promise.addListener(future -> {
            if (future.isSuccess()) {
                written.complete(null);
            } else {
                written.completeExceptionally(new TransportException("cannot write to node " + nodeId() + ": "
                        + ConnectionCloser.reason(channel, String.valueOf(future.cause())), future.cause()));
            }
        });
        if (loop.inEventLoop()) {
            writeInLoop(message, promise);
        } else {
            loop.execute(() -> writeInLoop(message, promise));
        }
        return written;
    }

    private void writeInLoop(Envelope message, ChannelPromise promise) {
        channel.write(message, promise);
        if (!flushScheduled) {
            flushScheduled = true;
            loop.execute(flushTask);
        }
    }

    private void flushNow() {
        flushScheduled = false;
        flushes.incrementAndGet();
        channel.flush();
    }

    @Override
    public boolean isWritable() {
        return channel.isWritable();
    }

    @Override
    public boolean isConnected() {
        return channel.isActive();
    }

    @Override
    public void close(String reason) {
        closer.closeDeliberately(channel, Code.UNSPECIFIED, reason);
    }

    @Override
    public String toString() {
        return "Peer[" + nodeId() + " at " + channel.remoteAddress() + "]";
    }
}
