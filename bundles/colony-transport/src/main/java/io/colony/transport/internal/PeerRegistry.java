package io.colony.transport.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The connected nodes, one connection each. When two nodes end up connected twice (they dialled each
 * other at the same time), both keep the connection opened by the node with the smaller id, so they
 * agree without talking about it; the node's {@link NodePeer} moves over to the connection kept.
 */
final class PeerRegistry {

    /**
     * The outcome of adding a connection.
     *
     * @param node the node as users see it
     * @param kept the connection kept
     * @param duplicate the connection to close, or null
     * @param newNode true when the node was not connected before (listeners hear of it)
     */
    record Registration(NodePeer node, PeerConnection kept, PeerConnection duplicate, boolean newNode) {

        boolean accepted(PeerConnection candidate) {
            return kept == candidate;
        }
    }

    private final String localId;
    private final ConcurrentHashMap<String, NodePeer> nodes = new ConcurrentHashMap<>();

    PeerRegistry(String localId) {
        this.localId = localId;
    }

    Registration register(PeerConnection candidate) {
        Registration[] outcome = new Registration[1];
        nodes.compute(candidate.nodeId(), (id, node) -> {
            if (node != null && !node.connection().isConnected() && node.connection().superseded()) {
                node.replace(candidate);
                outcome[0] = new Registration(node, candidate, null, false);
                return node;
            }
            if (node == null || !node.connection().isConnected()) {
                NodePeer fresh = new NodePeer(candidate);
                outcome[0] = new Registration(fresh, candidate, null, true);
                return fresh;
            }
            PeerConnection existing = node.connection();
            if (prefers(candidate, existing)) {
                node.replace(candidate);
                outcome[0] = new Registration(node, candidate, existing, false);
            } else {
                outcome[0] = new Registration(node, existing, candidate, false);
            }
            return node;
        });
        return outcome[0];
    }

    /** Removes the node if this connection is still its connection; the node when it is lost. */
    Optional<NodePeer> remove(PeerConnection connection) {
        NodePeer node = nodes.get(connection.nodeId());
        if (node != null && node.connection() == connection && nodes.remove(connection.nodeId(), node)) {
            return Optional.of(node);
        }
        return Optional.empty();
    }

    Optional<NodePeer> peer(String nodeId) {
        return Optional.ofNullable(nodes.get(nodeId)).filter(NodePeer::isConnected);
    }

    Collection<NodePeer> peers() {
        return List.copyOf(nodes.values());
    }

    Optional<NodePeer> peerListeningAt(String host, int port) {
        return nodes.values().stream()
                .filter(node -> node.isConnected() && node.listenPort() == port && node.host().equals(host))
                .findFirst();
    }

    private boolean prefers(PeerConnection candidate, PeerConnection existing) {
        String preferredInitiator = localId.compareTo(candidate.nodeId()) <= 0 ? localId : candidate.nodeId();
        return candidate.initiatorId().equals(preferredInitiator) && !existing.initiatorId().equals(preferredInitiator);
    }
}
