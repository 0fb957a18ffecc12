package io.colony.api.cluster;

import io.colony.api.node.HardwareStatus;
import io.colony.api.node.Role;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Another node of the cluster, as this node last knew it.
 *
 * @param id the node's id
 * @param roles the roles it plays
 * @param host the address it was reached at
 * @param transportPort its transport port
 * @param userData the data its operator attached to it
 * @param state available, withdrawn or unavailable
 * @param lastHeartbeat when its last heartbeat arrived, or when it was discovered if none has yet
 * @param hardware its latest hardware status; empty until its first heartbeat that carried one
 */
public record Member(String id, Set<Role> roles, String host, int transportPort, Map<String, String> userData,
        MemberState state, Instant lastHeartbeat, Optional<HardwareStatus> hardware) {

    public Member {
        Objects.requireNonNull(id, "id");
        roles = Set.copyOf(roles);
        Objects.requireNonNull(host, "host");
        userData = Map.copyOf(userData);
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lastHeartbeat, "lastHeartbeat");
        Objects.requireNonNull(hardware, "hardware");
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }
}
