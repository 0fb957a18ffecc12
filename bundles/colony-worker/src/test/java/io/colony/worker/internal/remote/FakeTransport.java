package io.colony.worker.internal.remote;

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
import java.util.concurrent.CopyOnWriteArrayList;

/** A transport whose peers and messages come from the test, delivered as the real one does: to the handler of their body case. */
final class FakeTransport implements Transport {

    private final Map<String, Peer> peers = new ConcurrentHashMap<>();
    private final Map<BodyCase, RequestHandler> handlers = new ConcurrentHashMap<>();
    private final List<PeerListener> listeners = new CopyOnWriteArrayList<>();

    /** A peer that was connected before the server started: no listener hears of it. */
    void alreadyConnected(Peer peer) {
        peers.put(peer.nodeId(), peer);
    }

    void connect(Peer peer) {
        peers.put(peer.nodeId(), peer);
        listeners.forEach(listener -> listener.peerConnected(peer));
    }

    void lose(FakePeer peer, String reason) {
        peer.disconnect();
        peers.remove(peer.nodeId(), peer);
        listeners.forEach(listener -> listener.peerLost(peer, reason));
    }

    /** Delivers a message from a peer, as a request or one-way; fails as the real transport answers a body nobody handles. */
    CompletableFuture<Envelope> deliver(Peer from, Envelope message) {
        RequestHandler handler = handlers.get(message.getBodyCase());
        if (handler == null) {
            return CompletableFuture.failedFuture(new TransportException("no handler for " + message.getBodyCase() + " messages"));
        }
        return handler.handle(from, message);
    }

    boolean handles(BodyCase bodyCase) {
        return handlers.containsKey(bodyCase);
    }

    int listenerCount() {
        return listeners.size();
    }

    @Override
    public String nodeId() {
        return "w1";
    }

    @Override
    public int port() {
        return 41871;
    }

    @Override
    public CompletableFuture<Peer> connect(String host, int port) {
        return CompletableFuture.failedFuture(new TransportException("the worker connects to nobody"));
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
    public AutoCloseable handle(BodyCase bodyCase, RequestHandler handler) {
        if (handlers.putIfAbsent(bodyCase, handler) != null) {
            throw new IllegalStateException("a handler for " + bodyCase + " is already registered");
        }
        return () -> handlers.remove(bodyCase, handler);
    }
}
