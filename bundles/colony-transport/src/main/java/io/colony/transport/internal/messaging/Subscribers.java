package io.colony.transport.internal.messaging;

import io.colony.api.message.MessageListener;
import io.colony.api.plugin.Payload;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osgi.service.log.Logger;

/**
 * The {@link MessageListener} services and the topics each wants ({@value MessageListener#TOPIC}: a
 * String, a String[] or a collection of Strings; {@value Topics#ALL} for every topic). A message goes
 * to every listener that wants its topic, in the order they came; one that throws is logged and the
 * others still get the message. Changes are rare and deliveries frequent, so deliveries read an
 * immutable snapshot without locking.
 */
final class Subscribers {

    private record Subscription(MessageListener listener, Set<String> topics, String name) {

        boolean wants(String topic) {
            return topics.contains(topic) || topics.contains(Topics.ALL);
        }
    }

    private final Logger log;
    private volatile List<Subscription> subscriptions = List.of();

    Subscribers(Logger log) {
        this.log = log;
    }

    /** Adds a listener, or replaces its topics when it is already there (its service properties changed). */
    synchronized void add(MessageListener listener, Map<String, ?> properties) {
        Subscription subscription = new Subscription(listener, topics(listener, properties), name(listener, properties));
        List<Subscription> next = new ArrayList<>(subscriptions);
        int index = indexOf(next, listener);
        if (index >= 0) {
            next.set(index, subscription);
        } else {
            next.add(subscription);
        }
        subscriptions = List.copyOf(next);
    }

    synchronized void remove(MessageListener listener) {
        List<Subscription> next = new ArrayList<>(subscriptions);
        int index = indexOf(next, listener);
        if (index >= 0) {
            next.remove(index);
            subscriptions = List.copyOf(next);
        }
    }

    /** Gives the message to each listener that wants its topic, on the calling thread; returns how many want it. */
    int deliver(String fromNodeId, String topic, Payload data) {
        int wanted = 0;
        for (Subscription subscription : subscriptions) {
            if (!subscription.wants(topic)) {
                continue;
            }
            wanted++;
            try {
                subscription.listener().received(fromNodeId, topic, data);
            } catch (RuntimeException e) {
                log.warn("Messages: listener {} failed on a message on topic '{}' from node {}: {}", subscription.name(), topic,
                        fromNodeId, e.toString());
            }
        }
        return wanted;
    }

    private static int indexOf(List<Subscription> list, MessageListener listener) {
        for (int index = 0; index < list.size(); index++) {
            if (list.get(index).listener() == listener) {
                return index;
            }
        }
        return -1;
    }

    /** The topics the listener names; invalid names are reported, since no message can ever match them. */
    private Set<String> topics(MessageListener listener, Map<String, ?> properties) {
        Object value = properties.get(MessageListener.TOPIC);
        List<?> named;
        if (value instanceof String single) {
            named = List.of(single);
        } else if (value instanceof String[] array) {
            named = Arrays.asList(array);
        } else if (value instanceof Collection<?> collection) {
            named = List.copyOf(collection);
        } else {
            log.warn("Messages: listener {} receives nothing: its service property {} is {}; give a topic, several, or {}",
                    name(listener, properties), MessageListener.TOPIC, value == null ? "missing" : "a " + value.getClass().getSimpleName(),
                    Topics.ALL);
            return Set.of();
        }
        Set<String> topics = new LinkedHashSet<>();
        for (Object topic : named) {
            String text = topic instanceof String string ? string : String.valueOf(topic);
            if (!text.equals(Topics.ALL)) {
                Topics.problem(text).ifPresent(problem -> log.warn("Messages: listener {} names a topic no message can have: {}",
                        name(listener, properties), problem));
            }
            topics.add(text);
        }
        return Set.copyOf(topics);
    }

    private static String name(MessageListener listener, Map<String, ?> properties) {
        Object componentName = properties.get("component.name");
        Object serviceId = properties.get("service.id");
        String name = componentName != null ? componentName.toString() : listener.getClass().getName();
        return serviceId != null ? name + " (service " + serviceId + ")" : name;
    }
}
