package io.colony.transport.internal.messaging;

import io.colony.transport.api.Peer;
import io.colony.transport.api.PeerListener;
import io.colony.transport.api.RequestHandler;
import io.colony.transport.api.Transport;
import io.colony.transport.api.TransportException;
import io.colony.transport.proto.Envelope;
import io.colony.transport.proto.Envelope.BodyCase;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** A transport with the peers a test gives it; a test plays a peer's incoming envelopes through the registered handlers. */
final class FakeTransport implements Transport {

    private final String nodeId;
    private final Map<String, Peer> peers = new ConcurrentHashMap<>();
    private final Map<BodyCase, RequestHandler> handlers = new ConcurrentHashMap<>();

    FakeTransport(String nodeId, Peer... peers) {
        this.nodeId = nodeId;
        for (Peer peer : peers) {
            this.peers.put(peer.nodeId(), peer);
        }
    }

    /** Hands an envelope from the peer to the handler of its body, as the transport does; fails when there is none. */
    CompletableFuture<Envelope> receive(Peer from, Envelope envelope) {
        RequestHandler handler = handlers.get(envelope.getBodyCase());
        if (handler == null) {
            throw new IllegalStateException("no handler for " + envelope.getBodyCase());
        }
        return handler.handle(from, envelope);
    }

    boolean handles(BodyCase bodyCase) {
        return handlers.containsKey(bodyCase);
    }

    @Override
    public String nodeId() {
        return nodeId;
    }

    @Override
    public int port() {
        return 41871;
    }

    @Override
    public CompletableFuture<Peer> connect(String host, int port) {
        return CompletableFuture.failedFuture(new TransportException("connection refused"));
    }

    @Override
    public Collection<Peer> peers() {
        return List.copyOf(peers.values());
    }

    @Override
    public Optional<Peer> peer(String id) {
        return Optional.ofNullable(peers.get(id));
    }

    @Override
    public AutoCloseable addListener(PeerListener listener) {
        return () -> { };
    }

    @Override
    public AutoCloseable handle(BodyCase bodyCase, RequestHandler handler) {
        if (handlers.putIfAbsent(bodyCase, handler) != null) {
            throw new IllegalStateException("a handler for " + bodyCase + " is already registered");
        }
        return () -> handlers.remove(bodyCase, handler);
    }
}
