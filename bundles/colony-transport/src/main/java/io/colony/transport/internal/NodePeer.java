package io.colony.transport.internal;

import io.colony.transport.api.Peer;
import io.colony.transport.proto.Envelope;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A connected node as users see it: it stays the same object when a duplicate connection replaces
 * the one it started with, so that a caller holding it goes on working. Requests in flight on a
 * replaced connection fail (with the reason), like any request on a lost connection.
 */
final class NodePeer implements Peer {

    private volatile PeerConnection connection;

    NodePeer(PeerConnection connection) {
        this.connection = connection;
    }

    PeerConnection connection() {
        return connection;
    }

    void replace(PeerConnection replacement) {
        this.connection = replacement;
    }

    @Override
    public String nodeId() {
        return connection.nodeId();
    }

    @Override
    public Set<String> roles() {
        return connection.roles();
    }

    @Override
    public String host() {
        return connection.host();
    }

    @Override
    public int listenPort() {
        return connection.listenPort();
    }

    @Override
    public CompletableFuture<Envelope> request(Envelope request, Duration timeout) {
        return connection.request(request, timeout);
    }

    @Override
    public CompletableFuture<Void> send(Envelope message) {
        return connection.send(message);
    }

    @Override
    public boolean isWritable() {
        return connection.isWritable();
    }

    @Override
    public boolean isConnected() {
        return connection.isConnected();
    }

    @Override
    public void close(String reason) {
        connection.close(reason);
    }

    @Override
    public String toString() {
        return connection.toString();
    }
}
