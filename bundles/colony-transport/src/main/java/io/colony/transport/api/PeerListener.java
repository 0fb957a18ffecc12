package io.colony.transport.api;

import io.colony.transport.proto.Heartbeat;
import org.osgi.annotation.versioning.ConsumerType;

/** Hears about peers; called on transport threads, so it must return quickly. */
@ConsumerType
public interface PeerListener {

    default void peerConnected(Peer peer) {
    }

    /** A heartbeat arrived (every second or so per peer). */
    default void heartbeat(Peer peer, Heartbeat heartbeat) {
    }

    /** The peer is gone: its connection closed, or no heartbeat came within the timeout (3 s). */
    default void peerLost(Peer peer, String reason) {
    }
}
