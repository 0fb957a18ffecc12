package io.colony.discovery.internal.membership;

import io.colony.api.cluster.ClusterEvents;
import io.colony.api.cluster.MemberState;
import io.colony.api.node.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;

/**
 * Decides which membership events a change of a member raises on this node: a manager hears of
 * workers (available only while {@link MemberState#AVAILABLE}, so a withdrawn worker is
 * unavailable), a worker hears of managers (available while connected). Each "available" is
 * followed by at most one "unavailable" and the other way round.
 */
final class AvailabilityAnnouncer {

    static final String WITHDRAWN_REASON = "withdrawn from the available list";

    private final boolean localManager;
    private final boolean localWorker;

    AvailabilityAnnouncer(Set<Role> localRoles) {
        this.localManager = localRoles.contains(Role.MANAGER);
        this.localWorker = localRoles.contains(Role.WORKER);
    }

    /** The events the member's current state calls for; updates what was announced. */
    List<Event> announce(MemberRecord member, String reason, Instant now) {
        List<Event> events = new ArrayList<>(2);
        boolean workerUp = localManager && member.roles.contains(Role.WORKER) && member.state == MemberState.AVAILABLE;
        if (workerUp != member.announcedAsWorker) {
            member.announcedAsWorker = workerUp;
            String why = member.state == MemberState.WITHDRAWN ? WITHDRAWN_REASON : reason;
            events.add(workerUp ? event(ClusterEvents.WORKER_AVAILABLE, member, null, now)
                    : event(ClusterEvents.WORKER_UNAVAILABLE, member, why, now));
        }
        boolean managerUp = localWorker && member.roles.contains(Role.MANAGER) && member.state != MemberState.UNAVAILABLE;
        if (managerUp != member.announcedAsManager) {
            member.announcedAsManager = managerUp;
            events.add(managerUp ? event(ClusterEvents.MANAGER_AVAILABLE, member, null, now)
                    : event(ClusterEvents.MANAGER_UNAVAILABLE, member, reason, now));
        }
        return events;
    }

    private static Event event(String topic, MemberRecord member, String reason, Instant now) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(ClusterEvents.NODE_ID, member.id);
        properties.put(ClusterEvents.NODE_ROLES, member.roles.stream().sorted().map(Role::label).toArray(String[]::new));
        properties.put(ClusterEvents.NODE_HOST, member.host);
        properties.put(ClusterEvents.NODE_PORT, member.port);
        properties.put(EventConstants.TIMESTAMP, now.toEpochMilli());
        if (reason != null) {
            properties.put(ClusterEvents.REASON, reason);
        }
        return new Event(topic, properties);
    }
}
