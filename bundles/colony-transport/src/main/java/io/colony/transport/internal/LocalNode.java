package io.colony.transport.internal;

import java.util.Objects;
import java.util.Set;

/**
 * Who this node is on the transport.
 *
 * @param id the node id
 * @param clusterName only peers of this cluster are accepted
 * @param roles role labels announced to peers
 * @param secret the cluster secret both sides of a handshake must hold
 */
public record LocalNode(String id, String clusterName, Set<String> roles, byte[] secret) {

    public LocalNode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(clusterName, "clusterName");
        roles = Set.copyOf(roles);
        if (secret.length == 0) {
            throw new IllegalArgumentException("the cluster secret is empty");
        }
        secret = secret.clone();
    }

    @Override
    public byte[] secret() {
        return secret.clone();
    }

    @Override
    public String toString() {
        return "LocalNode[" + id + " in " + clusterName + "]";
    }
}
