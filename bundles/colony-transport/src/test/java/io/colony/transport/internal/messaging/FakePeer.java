package io.colony.transport.internal.messaging;

import io.colony.transport.api.Peer;
import io.colony.transport.api.TransportException;
import io.colony.transport.proto.Envelope;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** A connection to another node that keeps what is sent on it, or fails every write when told to. */
final class FakePeer implements Peer {

    private final String nodeId;
    private final Set<String> roles;
    private final List<Envelope> sent = new CopyOnWriteArrayList<>();
    private volatile boolean connected = true;
    private volatile String failWrites;

    FakePeer(String nodeId, String... roles) {
        this.nodeId = nodeId;
        this.roles = Set.of(roles);
    }

    /** Every later write fails with a TransportException of this message. */
    FakePeer failingWrites(String reason) {
        this.failWrites = reason;
        return this;
    }

    FakePeer disconnected() {
        this.connected = false;
        return this;
    }

    List<Envelope> sent() {
        return List.copyOf(sent);
    }

    @Override
    public String nodeId() {
        return nodeId;
    }

    @Override
    public Set<String> roles() {
        return roles;
    }

    @Override
    public String host() {
        return "10.0.0.1";
    }

    @Override
    public int listenPort() {
        return 41871;
    }

    @Override
    public CompletableFuture<Envelope> request(Envelope request, Duration timeout) {
        return CompletableFuture.failedFuture(new TransportException("requests are not used by cluster messages"));
    }

    @Override
    public CompletableFuture<Void> send(Envelope message) {
        String reason = failWrites;
        if (reason != null) {
            return CompletableFuture.failedFuture(new TransportException(reason));
        }
        sent.add(message);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public boolean isWritable() {
        return connected;
    }

    @Override
    public boolean isConnected() {
        return connected;
    }

    @Override
    public void close(String reason) {
        connected = false;
    }
}
