package io.colony.discovery.internal.membership;

import java.util.List;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventHandler;
import org.osgi.service.log.Logger;

/** Hands replayed events to one handler; a handler that throws misses only that event. */
final class ReplayDelivery {

    private final Logger log;

    ReplayDelivery(Logger log) {
        this.log = log;
    }

    void deliver(EventHandler handler, List<Event> events) {
        for (Event event : events) {
            try {
                handler.handleEvent(event);
            } catch (RuntimeException e) {
                log.warn("Event handler {} failed on replayed {}: {}", handler.getClass().getName(), event.getTopic(), e.toString());
            }
        }
        log.debug("Replayed {} membership events to {}", events.size(), handler.getClass().getName());
    }
}
