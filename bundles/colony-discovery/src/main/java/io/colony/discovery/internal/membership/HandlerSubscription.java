package io.colony.discovery.internal.membership;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;

/**
 * The events an EventHandler service asked for through its {@code event.topics} (exact topics,
 * {@code prefix/*} or {@code *}) and optional {@code event.filter} service properties.
 */
final class HandlerSubscription {

    private final List<String> topics;
    private final Optional<Filter> filter;

    private HandlerSubscription(List<String> topics, Optional<Filter> filter) {
        this.topics = topics;
        this.filter = filter;
    }

    /** @throws IllegalArgumentException when {@code event.filter} is not a valid filter */
    static HandlerSubscription of(Object topicsProperty, Object filterProperty) {
        List<String> topics = new ArrayList<>();
        if (topicsProperty instanceof String topic) {
            topics.add(topic);
        } else if (topicsProperty instanceof String[] array) {
            topics.addAll(List.of(array));
        } else if (topicsProperty instanceof Collection<?> collection) {
            collection.forEach(item -> topics.add(String.valueOf(item)));
        }
        Optional<Filter> filter = Optional.empty();
        if (filterProperty instanceof String text && !text.isBlank()) {
            try {
                filter = Optional.of(FrameworkUtil.createFilter(text));
            } catch (InvalidSyntaxException e) {
                throw new IllegalArgumentException(EventConstants.EVENT_FILTER + " '" + text + "' is invalid: " + e.getMessage(), e);
            }
        }
        return new HandlerSubscription(List.copyOf(topics), filter);
    }

    boolean wants(Event event) {
        return topics.stream().anyMatch(topic -> matches(topic, event.getTopic()))
                && filter.map(event::matches).orElse(true);
    }

    private static boolean matches(String subscribed, String topic) {
        if (subscribed.equals("*")) {
            return true;
        }
        if (subscribed.endsWith("/*")) {
            return topic.startsWith(subscribed.substring(0, subscribed.length() - 1));
        }
        return subscribed.equals(topic);
    }
}
