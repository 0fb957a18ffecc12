package io.colony.discovery.internal.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.colony.api.cluster.ClusterEvents;
import io.colony.discovery.internal.testsupport.MutableClock;
import io.colony.discovery.internal.testsupport.RecordingLogger;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

class LateHandlerReplayTest {

    private final MutableClock clock = new MutableClock();
    private final RecordingLogger log = new RecordingLogger();
    private final EventReplayBuffer buffer = new EventReplayBuffer(Duration.ofSeconds(ClusterEvents.REPLAY_TTL_SECONDS), clock);
    private final List<Event> received = new CopyOnWriteArrayList<>();
    private final EventHandler handler = received::add;
    private int gets;
    private int ungets;

    private static Event event(String topic, String nodeId) {
        return new Event(topic, Map.of(ClusterEvents.NODE_ID, nodeId));
    }

    private void registerLateHandler(Object topics, String filter) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(EventConstants.EVENT_TOPIC, topics);
        if (filter != null) {
            properties.put(EventConstants.EVENT_FILTER, filter);
        }
        @SuppressWarnings("unchecked")
        ServiceReference<EventHandler> reference = (ServiceReference<EventHandler>) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {ServiceReference.class},
                (proxy, method, args) -> method.getName().equals("getProperty") ? properties.get(args[0]) : null);
        BundleContext context = (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BundleContext.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "createFilter" -> FrameworkUtil.createFilter((String) args[0]);
                    case "getService" -> {
                        gets++;
                        yield handler;
                    }
                    case "ungetService" -> {
                        ungets++;
                        yield true;
                    }
                    default -> null;
                });
        LateHandlerReplay replay = new LateHandlerReplay(context, buffer, Runnable::run, log.logger());
        replay.addingService(reference);
    }

    private List<String> receivedNodes() {
        return received.stream().map(e -> (String) e.getProperty(ClusterEvents.NODE_ID)).toList();
    }

    @Test
    void lateHandlerReceivesFreshAvailableEventsOnce() {
        buffer.record(event(ClusterEvents.WORKER_AVAILABLE, "w1"));
        buffer.record(event(ClusterEvents.WORKER_AVAILABLE, "w2"));
        clock.advance(Duration.ofSeconds(ClusterEvents.REPLAY_TTL_SECONDS - 1));

        registerLateHandler(ClusterEvents.WORKER_AVAILABLE, null);

        assertEquals(List.of("w1", "w2"), receivedNodes());
        assertEquals(1, gets);
        assertEquals(1, ungets);
    }

    @Test
    void handlerRegisteredAfterTheTtlReceivesNothing() {
        buffer.record(event(ClusterEvents.WORKER_AVAILABLE, "w1"));
        clock.advance(Duration.ofSeconds(ClusterEvents.REPLAY_TTL_SECONDS + 1));

        registerLateHandler(ClusterEvents.WORKER_AVAILABLE, null);

        assertEquals(List.of(), received);
        assertEquals(0, gets, "no handler object is fetched when there is nothing to replay");
    }

    @Test
    void onlyTheLatestAvailableEventPerNodeIsReplayed() {
        buffer.record(event(ClusterEvents.WORKER_AVAILABLE, "w1"));
        clock.advance(Duration.ofSeconds(50));
        buffer.record(event(ClusterEvents.WORKER_AVAILABLE, "w1"));
        clock.advance(Duration.ofSeconds(50));

        registerLateHandler(ClusterEvents.WORKER_AVAILABLE, null);

        assertEquals(List.of("w1"), receivedNodes());
    }

    @Test
    void unavailableEventCancelsTheReplayOfThatNode() {
        buffer.record(event(ClusterEvents.WORKER_AVAILABLE, "w1"));
        buffer.record(event(ClusterEvents.WORKER_AVAILABLE, "w2"));
        buffer.record(event(ClusterEvents.WORKER_UNAVAILABLE, "w1"));

        registerLateHandler(ClusterEvents.TOPIC_PREFIX + "*", null);

        assertEquals(List.of("w2"), receivedNodes());
    }

    @Test
    void handlerGetsOnlyTheTopicsAndFilterItSubscribedTo() {
        buffer.record(event(ClusterEvents.WORKER_AVAILABLE, "w1"));
        buffer.record(event(ClusterEvents.MANAGER_AVAILABLE, "m1"));
        buffer.record(event(ClusterEvents.MANAGER_AVAILABLE, "m2"));

        registerLateHandler(new String[] {ClusterEvents.MANAGER_AVAILABLE, "some/other/topic"}, "(node.id=m2)");

        assertEquals(List.of("m2"), receivedNodes());
    }

    @Test
    void handlerThatThrowsMissesOnlyThatEvent() {
        buffer.record(event(ClusterEvents.WORKER_AVAILABLE, "w1"));
        buffer.record(event(ClusterEvents.WORKER_AVAILABLE, "w2"));
        List<String> handled = new CopyOnWriteArrayList<>();

        new ReplayDelivery(log.logger()).deliver(event -> {
            handled.add((String) event.getProperty(ClusterEvents.NODE_ID));
            if (handled.size() == 1) {
                throw new IllegalStateException("boom");
            }
        }, buffer.fresh());

        assertEquals(List.of("w1", "w2"), handled);
        assertEquals(1, log.at("warn").size());
    }

    @Test
    void wildcardSubscriptions() {
        Event event = event(ClusterEvents.WORKER_AVAILABLE, "w1");

        assertEquals(true, HandlerSubscription.of("*", null).wants(event));
        assertEquals(true, HandlerSubscription.of("io/colony/*", null).wants(event));
        assertEquals(false, HandlerSubscription.of("io/colony/cluster/manager*", null).wants(event));
        assertEquals(false, HandlerSubscription.of(null, null).wants(event));
    }
}
