package io.colony.discovery.internal.membership;

import io.colony.api.cluster.ClusterEvents;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.event.Event;

/**
 * The latest "available" event of each node and topic, kept for a time so that a handler registered
 * later still learns of nodes that are up. An "unavailable" event drops the matching "available" one.
 */
public final class EventReplayBuffer {

    private static final Map<String, String> AVAILABLE_TOPIC_OF = Map.of(
            ClusterEvents.WORKER_UNAVAILABLE, ClusterEvents.WORKER_AVAILABLE,
            ClusterEvents.MANAGER_UNAVAILABLE, ClusterEvents.MANAGER_AVAILABLE);

    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Buffered> latest = new LinkedHashMap<>();

    public EventReplayBuffer(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    /** Takes note of an event that was just published. */
    public synchronized void record(Event event) {
        String topic = event.getTopic();
        Object nodeId = event.getProperty(ClusterEvents.NODE_ID);
        if (AVAILABLE_TOPIC_OF.containsValue(topic)) {
            latest.remove(topic + "|" + nodeId);
            latest.put(topic + "|" + nodeId, new Buffered(event, clock.instant()));
        } else if (AVAILABLE_TOPIC_OF.containsKey(topic)) {
            latest.remove(AVAILABLE_TOPIC_OF.get(topic) + "|" + nodeId);
        }
    }

    /** The buffered events younger than the TTL, oldest first; older ones are dropped. */
    public synchronized List<Event> fresh() {
        Instant oldest = clock.instant().minus(ttl);
        latest.values().removeIf(buffered -> buffered.at.isBefore(oldest));
        List<Event> events = new ArrayList<>(latest.size());
        latest.values().forEach(buffered -> events.add(buffered.event));
        return events;
    }

    private record Buffered(Event event, Instant at) {
    }
}
