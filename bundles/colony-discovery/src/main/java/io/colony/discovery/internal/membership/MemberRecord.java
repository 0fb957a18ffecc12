package io.colony.discovery.internal.membership;

import io.colony.api.cluster.Member;
import io.colony.api.cluster.MemberState;
import io.colony.api.node.HardwareStatus;
import io.colony.api.node.Role;
import io.colony.transport.api.Peer;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What this node knows of one other node; mutable, guarded by {@link Membership}. */
final class MemberRecord {

    final String id;
    Peer peer;
    Set<Role> roles = Set.of();
    String host = "";
    int port;
    Map<String, String> userData = Map.of();
    MemberState state = MemberState.UNAVAILABLE;
    Instant lastHeartbeat;
    Instant unavailableSince;
    HardwareStatus hardware;
    /** Whether an "available" event was raised for it and not yet followed by an "unavailable" one, per topic kind. */
    boolean announcedAsWorker;
    boolean announcedAsManager;
    private final Deque<HardwareStatus> history = new ArrayDeque<>();
    private final int historyLimit;

    MemberRecord(String id, int historyLimit, Instant discoveredAt) {
        this.id = id;
        this.historyLimit = historyLimit;
        this.lastHeartbeat = discoveredAt;
    }

    void addSample(HardwareStatus sample) {
        hardware = sample;
        history.addLast(sample);
        while (history.size() > historyLimit) {
            history.removeFirst();
        }
    }

    List<HardwareStatus> history() {
        return List.copyOf(history);
    }

    Member snapshot() {
        return new Member(id, roles, host, port, userData, state, lastHeartbeat, Optional.ofNullable(hardware));
    }
}
