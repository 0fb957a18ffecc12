package io.colony.discovery.internal.membership;

import io.colony.api.cluster.Member;
import io.colony.api.cluster.MemberState;
import io.colony.api.node.HardwareStatus;
import io.colony.api.node.Role;
import io.colony.transport.api.Hardware;
import io.colony.transport.api.Peer;
import io.colony.transport.api.PeerListener;
import io.colony.transport.proto.Heartbeat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.osgi.service.event.Event;
import org.osgi.service.log.Logger;

/**
 * The other nodes as the transport reports them: connected means available (or withdrawn, as its
 * heartbeats say), lost means unavailable (kept a while, then forgotten). Raises membership events
 * through an {@link EventSink}. Thread-safe; transport callbacks return quickly.
 */
public final class Membership implements PeerListener {

    /** About five minutes of samples at one heartbeat a second. */
    public static final int HISTORY_LIMIT = 300;

    private final AvailabilityAnnouncer announcer;
    private final EventSink events;
    private final Clock clock;
    private final Logger log;
    private final int historyLimit;
    private final Map<String, MemberRecord> members = new HashMap<>();
    /** User data that discovery reported for nodes, also before they connect. */
    private final Map<String, Map<String, String>> describedUserData = new HashMap<>();

    public Membership(Set<Role> localRoles, EventSink events, Clock clock, Logger log) {
        this(localRoles, events, clock, log, HISTORY_LIMIT);
    }

    Membership(Set<Role> localRoles, EventSink events, Clock clock, Logger log, int historyLimit) {
        this.announcer = new AvailabilityAnnouncer(localRoles);
        this.events = events;
        this.clock = clock;
        this.log = log;
        this.historyLimit = historyLimit;
    }

    @Override
    public void peerConnected(Peer peer) {
        List<Event> raised;
        synchronized (this) {
            MemberRecord member = members.computeIfAbsent(peer.nodeId(), id -> new MemberRecord(id, historyLimit, clock.instant()));
            boolean wasLost = member.state == MemberState.UNAVAILABLE;
            member.peer = peer;
            member.roles = roles(peer);
            member.host = peer.host();
            member.port = peer.listenPort();
            member.userData = describedUserData.getOrDefault(member.id, member.userData);
            member.lastHeartbeat = clock.instant();
            member.unavailableSince = null;
            if (wasLost) {
                member.state = MemberState.AVAILABLE;
            }
            raised = announcer.announce(member, null, clock.instant());
        }
        log.info("Node {} ({}) connected from {}:{}", peer.nodeId(), String.join(",", peer.roles()), peer.host(), peer.listenPort());
        raised.forEach(events::publish);
    }

    @Override
    public void heartbeat(Peer peer, Heartbeat heartbeat) {
        List<Event> raised;
        MemberState before;
        MemberState after;
        synchronized (this) {
            MemberRecord member = members.get(peer.nodeId());
            if (member == null || member.peer != peer) {
                raised = List.of();
                before = after = null;
            } else {
                before = member.state;
                member.lastHeartbeat = clock.instant();
                if (heartbeat.hasHardware()) {
                    member.addSample(Hardware.fromProto(heartbeat.getHardware()));
                }
                member.state = heartbeat.getAvailable() ? MemberState.AVAILABLE : MemberState.WITHDRAWN;
                after = member.state;
                raised = announcer.announce(member, null, clock.instant());
            }
        }
        if (before != after && before != null) {
            log.info("Node {} is now {}", peer.nodeId(), after == MemberState.AVAILABLE ? "available" : "withdrawn");
        }
        raised.forEach(events::publish);
    }

    @Override
    public void peerLost(Peer peer, String reason) {
        List<Event> raised;
        synchronized (this) {
            MemberRecord member = members.get(peer.nodeId());
            if (member == null || member.peer != peer || member.state == MemberState.UNAVAILABLE) {
                return; // an older connection of a node that has a newer one, or already lost
            }
            member.state = MemberState.UNAVAILABLE;
            member.unavailableSince = clock.instant();
            raised = announcer.announce(member, reason, clock.instant());
        }
        log.info("Node {} lost: {}", peer.nodeId(), reason);
        raised.forEach(events::publish);
    }

    /** Records the user data a discovery source reported for a node. */
    public synchronized void describe(String nodeId, Map<String, String> userData) {
        Map<String, String> copy = Map.copyOf(userData);
        describedUserData.put(nodeId, copy);
        MemberRecord member = members.get(nodeId);
        if (member != null) {
            member.userData = copy;
        }
    }

    /** Forgets nodes unavailable for longer than the given time. */
    public synchronized void forgetUnavailable(Duration olderThan) {
        Instant limit = clock.instant().minus(olderThan);
        members.values().removeIf(member -> {
            boolean forget = member.state == MemberState.UNAVAILABLE && member.unavailableSince != null
                    && member.unavailableSince.isBefore(limit);
            if (forget) {
                describedUserData.remove(member.id);
                log.debug("Forgot node {}, unavailable since {}", member.id, member.unavailableSince);
            }
            return forget;
        });
    }

    public synchronized List<Member> members() {
        List<Member> list = new ArrayList<>(members.size());
        members.values().forEach(member -> list.add(member.snapshot()));
        list.sort(Comparator.comparing(Member::id));
        return list;
    }

    public synchronized Optional<Member> member(String id) {
        return Optional.ofNullable(members.get(id)).map(MemberRecord::snapshot);
    }

    public synchronized List<HardwareStatus> history(String id) {
        MemberRecord member = members.get(id);
        return member == null ? List.of() : member.history();
    }

    private Set<Role> roles(Peer peer) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String label : peer.roles()) {
            try {
                roles.add(Role.parse(label));
            } catch (IllegalArgumentException e) {
                log.debug("Node {} announced an unknown role: {}", peer.nodeId(), e.getMessage());
            }
        }
        return roles;
    }
}
