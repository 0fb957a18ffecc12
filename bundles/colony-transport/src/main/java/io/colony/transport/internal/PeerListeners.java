package io.colony.transport.internal;

import io.colony.transport.api.Peer;
import io.colony.transport.api.PeerListener;
import io.colony.transport.proto.Heartbeat;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** The registered listeners, called without locks; a listener that throws is logged and skipped. */
final class PeerListeners {

    private final CopyOnWriteArrayList<PeerListener> listeners = new CopyOnWriteArrayList<>();
    private final TransportLog log;

    PeerListeners(TransportLog log) {
        this.log = log;
    }

    AutoCloseable add(PeerListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void connected(Peer peer) {
        each("peerConnected", listener -> listener.peerConnected(peer));
    }

    void heartbeat(Peer peer, Heartbeat heartbeat) {
        each("heartbeat", listener -> listener.heartbeat(peer, heartbeat));
    }

    void lost(Peer peer, String reason) {
        each("peerLost", listener -> listener.peerLost(peer, reason));
    }

    private void each(String event, Consumer<PeerListener> call) {
        for (PeerListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                log.warn("Transport: peer listener " + listener.getClass().getName() + " failed on " + event + ": " + e);
            }
        }
    }
}
