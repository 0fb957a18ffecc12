package io.colony.api.node;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/** This node as it describes itself; registered as a service once the node is configured. */
@ProviderType
public interface NodeInfo {

    /** Stable id: the host name unless configured, kept across restarts. */
    String id();

    /** The cluster this node joins; nodes only talk to peers of the same cluster. */
    String clusterName();

    Set<Role> roles();

    default boolean hasRole(Role role) {
        return roles().contains(role);
    }

    /** When the node's framework started. */
    Instant startedAt();

    default Duration uptime() {
        return Duration.between(startedAt(), Instant.now());
    }

    /** Ports this node serves, by name ({@code http}, {@code shell}, ...), as far as they are known. */
    Map<String, Integer> ports();

    /** Free-form data the operator attached to this node (advertised to peers). */
    Map<String, String> userData();
}
