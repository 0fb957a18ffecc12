package io.colony.discovery.internal.membership;

import java.util.function.Supplier;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.log.Logger;

/** Posts membership events to EventAdmin (when there is one) and keeps them for replay. */
public final class EventPublisher implements EventSink {

    private final Supplier<EventAdmin> eventAdmin;
    private final EventReplayBuffer replay;
    private final Logger log;

    public EventPublisher(Supplier<EventAdmin> eventAdmin, EventReplayBuffer replay, Logger log) {
        this.eventAdmin = eventAdmin;
        this.replay = replay;
        this.log = log;
    }

    @Override
    public void publish(Event event) {
        replay.record(event);
        EventAdmin admin = eventAdmin.get();
        if (admin == null) {
            log.debug("No EventAdmin: event {} only kept for replay", event.getTopic());
            return;
        }
        admin.postEvent(event);
    }
}
