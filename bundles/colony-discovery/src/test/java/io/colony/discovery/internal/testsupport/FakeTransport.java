package io.colony.discovery.internal.testsupport;

import io.colony.transport.api.Peer;
import io.colony.transport.api.PeerListener;
import io.colony.transport.api.RequestHandler;
import io.colony.transport.api.Transport;
import io.colony.transport.api.TransportException;
import io.colony.transport.proto.Envelope;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

/** A transport whose connections are decided by the test; records every connection attempt. */
public final class FakeTransport implements Transport {

    private final String nodeId;
    private final int port;
    private final Map<String, Peer> peers = new ConcurrentHashMap<>();
    private final List<PeerListener> listeners = new CopyOnWriteArrayList<>();
    private final List<String> attempts = new CopyOnWriteArrayList<>();
    private volatile BiFunction<String, Integer, CompletableFuture<Peer>> connector =
            (host, port) -> CompletableFuture.failedFuture(new TransportException("connection refused"));

    public FakeTransport(String nodeId, int port) {
        this.nodeId = nodeId;
        this.port = port;
    }

    /** Decides how {@link #connect} answers. */
    public void onConnect(BiFunction<String, Integer, CompletableFuture<Peer>> connector) {
        this.connector = connector;
    }

    /** Every attempt so far, as {@code host:port}. */
    public List<String> attempts() {
        return new ArrayList<>(attempts);
    }

    public void addPeer(Peer peer) {
        peers.put(peer.nodeId(), peer);
        listeners.forEach(listener -> listener.peerConnected(peer));
    }

    public void losePeer(Peer peer, String reason) {
        peer.close(reason);
        peers.remove(peer.nodeId(), peer);
        listeners.forEach(listener -> listener.peerLost(peer, reason));
    }

    @Override
    public String nodeId() {
        return nodeId;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public CompletableFuture<Peer> connect(String host, int port) {
        attempts.add(host + ":" + port);
        return connector.apply(host, port);
    }

    @Override
    public Collection<Peer> peers() {
        return List.copyOf(peers.values());
    }

    @Override
    public Optional<Peer> peer(String nodeId) {
        return Optional.ofNullable(peers.get(nodeId));
    }

    @Override
    public AutoCloseable addListener(PeerListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public AutoCloseable handle(Envelope.BodyCase bodyCase, RequestHandler handler) {
        return () -> { };
    }
}
