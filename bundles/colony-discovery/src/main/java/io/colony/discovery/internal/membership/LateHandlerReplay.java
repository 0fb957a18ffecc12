package io.colony.discovery.internal.membership;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.log.Logger;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Watches EventHandler services; when one registers, hands it the buffered, still fresh "available"
 * events it subscribes to, once, on the given executor (never on the registering thread). Handlers
 * present when tracking starts find an empty buffer: they receive everything through EventAdmin.
 */
public final class LateHandlerReplay extends ServiceTracker<EventHandler, ServiceReference<EventHandler>> {

    private final EventReplayBuffer buffer;
    private final Executor executor;
    private final Logger log;

    public LateHandlerReplay(BundleContext context, EventReplayBuffer buffer, Executor executor, Logger log) {
        super(context, EventHandler.class, null);
        this.buffer = buffer;
        this.executor = executor;
        this.log = log;
    }

    @Override
    public ServiceReference<EventHandler> addingService(ServiceReference<EventHandler> reference) {
        try {
            executor.execute(() -> replayTo(reference));
        } catch (RejectedExecutionException e) {
            log.debug("Not replaying membership events: shutting down");
        }
        return reference;
    }

    private void replayTo(ServiceReference<EventHandler> reference) {
        HandlerSubscription subscription;
        try {
            subscription = HandlerSubscription.of(reference.getProperty(EventConstants.EVENT_TOPIC),
                    reference.getProperty(EventConstants.EVENT_FILTER));
        } catch (IllegalArgumentException e) {
            log.warn("Not replaying membership events to handler {}: {}", reference, e.getMessage());
            return;
        }
        List<Event> events = buffer.fresh().stream().filter(subscription::wants).toList();
        if (events.isEmpty()) {
            return;
        }
        EventHandler handler = context.getService(reference);
        if (handler == null) {
            return;
        }
        try {
            new ReplayDelivery(log).deliver(handler, events);
        } finally {
            context.ungetService(reference);
        }
    }
}
