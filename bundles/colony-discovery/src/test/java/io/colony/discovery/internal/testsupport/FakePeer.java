package io.colony.discovery.internal.testsupport;

import io.colony.transport.api.Peer;
import io.colony.transport.api.TransportException;
import io.colony.transport.proto.Envelope;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** A connection to another node that carries nothing. */
public final class FakePeer implements Peer {

    private final String nodeId;
    private final Set<String> roles;
    private final String host;
    private final int listenPort;
    private volatile boolean connected = true;

    public FakePeer(String nodeId, Set<String> roles, String host, int listenPort) {
        this.nodeId = nodeId;
        this.roles = Set.copyOf(roles);
        this.host = host;
        this.listenPort = listenPort;
    }

    public static FakePeer of(String nodeId, String... roles) {
        return new FakePeer(nodeId, Set.of(roles), "10.0.0." + Math.abs(nodeId.hashCode() % 200 + 1), 7000);
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
        return host;
    }

    @Override
    public int listenPort() {
        return listenPort;
    }

    @Override
    public CompletableFuture<Envelope> request(Envelope request, Duration timeout) {
        return CompletableFuture.failedFuture(new TransportException("fake peer"));
    }

    @Override
    public CompletableFuture<Void> send(Envelope message) {
        return CompletableFuture.failedFuture(new TransportException("fake peer"));
    }

    @Override
    public boolean isWritable() {
        return true;
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
