package io.colony.api.message;

import io.colony.api.plugin.Payload;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives cluster messages. Register it as a service with {@link #TOPIC} naming the topics it wants
 * (a String or String[]; {@code *} for all). Called on a transport thread: return quickly.
 */
@ConsumerType
@FunctionalInterface
public interface MessageListener {

    /** Service property: the topics this listener receives. */
    String TOPIC = "colony.message.topic";

    void received(String fromNodeId, String topic, Payload data);
}
