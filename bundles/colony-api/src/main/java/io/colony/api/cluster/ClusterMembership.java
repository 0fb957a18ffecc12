package io.colony.api.cluster;

import io.colony.api.node.HardwareStatus;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** The nodes this node knows of, kept current by discovery and the transport's heartbeats. */
@ProviderType
public interface ClusterMembership {

    /** Every other node known, whatever its state, sorted by id. */
    List<Member> members();

    Optional<Member> member(String id);

    /** A node's recent hardware samples, oldest first (a few minutes' worth); empty for an unknown id. */
    List<HardwareStatus> history(String id);

    /**
     * Takes this node's worker out of the available list ({@code false}) or puts it back; managers see
     * the change with the next heartbeat.
     */
    void setAvailability(boolean available);

    /** Whether this node's worker offers itself for work. */
    boolean isAvailable();
}
