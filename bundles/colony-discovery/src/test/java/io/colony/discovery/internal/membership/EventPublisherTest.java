package io.colony.discovery.internal.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.colony.api.cluster.ClusterEvents;
import io.colony.discovery.internal.testsupport.MutableClock;
import io.colony.discovery.internal.testsupport.RecordingLogger;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

class EventPublisherTest {

    private final EventReplayBuffer buffer = new EventReplayBuffer(Duration.ofMinutes(1), new MutableClock());
    private final List<String> posted = new CopyOnWriteArrayList<>();

    private EventAdmin recordingEventAdmin() {
        return (EventAdmin) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {EventAdmin.class},
                (proxy, method, args) -> {
                    posted.add(method.getName() + " " + ((Event) args[0]).getTopic());
                    return null;
                });
    }

    @Test
    void eventsArePostedAsynchronouslyAndKeptForReplay() {
        EventPublisher publisher = new EventPublisher(this::recordingEventAdmin, buffer, new RecordingLogger().logger());

        publisher.publish(new Event(ClusterEvents.WORKER_AVAILABLE, Map.of(ClusterEvents.NODE_ID, "w1")));

        assertEquals(List.of("postEvent " + ClusterEvents.WORKER_AVAILABLE), posted);
        assertEquals(1, buffer.fresh().size());
    }

    @Test
    void withoutEventAdminEventsAreStillKeptForReplay() {
        EventPublisher publisher = new EventPublisher(() -> null, buffer, new RecordingLogger().logger());

        publisher.publish(new Event(ClusterEvents.MANAGER_AVAILABLE, Map.of(ClusterEvents.NODE_ID, "m1")));

        assertEquals(1, buffer.fresh().size());
    }
}
