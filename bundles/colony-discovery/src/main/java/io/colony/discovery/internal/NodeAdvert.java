package io.colony.discovery.internal;

import io.colony.api.node.Role;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a node tells others about itself through discovery (mDNS TXT record, tracker announcement).
 *
 * @param port the node's transport port
 */
public record NodeAdvert(String id, String cluster, Set<Role> roles, int port, Map<String, String> userData) {

    public NodeAdvert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(cluster, "cluster");
        roles = Set.copyOf(roles);
        userData = Map.copyOf(userData);
    }

    /** Whether the advertised node is another node of the given node's cluster. */
    public boolean isPeerOf(String localId, String localCluster) {
        return cluster.equals(localCluster) && !id.equals(localId);
    }
}
