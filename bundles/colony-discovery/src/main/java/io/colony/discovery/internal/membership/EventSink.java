package io.colony.discovery.internal.membership;

import org.osgi.service.event.Event;

/** Where membership events go. */
@FunctionalInterface
public interface EventSink {

    void publish(Event event);
}
