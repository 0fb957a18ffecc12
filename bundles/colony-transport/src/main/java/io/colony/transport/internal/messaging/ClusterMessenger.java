package io.colony.transport.internal.messaging;

import io.colony.api.message.MessageListener;
import io.colony.api.message.Messenger;
import io.colony.api.node.Role;
import io.colony.api.plugin.Payload;
import io.colony.transport.api.Peer;
import io.colony.transport.api.Transport;
import io.colony.transport.proto.Envelope;
import io.colony.transport.proto.Envelope.BodyCase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * Cluster messages over the transport, registered as {@link Messenger} while the {@link Transport} is
 * there. A message is one {@code UserMessage} envelope sent one-way on the connection to a peer, so it
 * arrives at most once and in order per pair of nodes.
 *
 * <p>Incoming messages go to the {@link MessageListener} services (whiteboard) whose
 * {@value MessageListener#TOPIC} property names their topic or {@code *}. <b>Listeners are called on the
 * transport's event-loop thread of the connection the message came on</b>, one after the other in the
 * order they were registered, as {@link MessageListener}'s contract says: a listener must return quickly
 * and hand longer work to its own bounded executor, or it delays every message and heartbeat of that
 * connection. A listener that throws is logged and the others still get the message; a message that
 * breaks the rules (topic, size, content type) is logged and dropped. The component is immediate: it
 * must take messages in even while no one on this node sends any.
 */
@Component(name = ClusterMessenger.NAME, service = Messenger.class, immediate = true)
public final class ClusterMessenger implements Messenger {

    static final String NAME = "io.colony.transport.messaging";

    private final Transport transport;
    private final Logger log;
    private final Subscribers subscribers;
    private final AutoCloseable incoming;

    /**
     * @throws IllegalStateException when another component already handles the transport's USER_MESSAGE bodies
     */
    @Activate
    public ClusterMessenger(@Reference(name = "transport") Transport transport,
            @Reference(name = "log", service = LoggerFactory.class) Logger log) {
        this.transport = transport;
        this.log = log;
        this.subscribers = new Subscribers(log);
        this.incoming = transport.handle(BodyCase.USER_MESSAGE, this::received);
    }

    @Deactivate
    void deactivate() {
        try {
            incoming.close();
        } catch (Exception e) {
            log.debug("Messages: the transport handler did not close cleanly: {}", e.toString());
        }
    }

    @Reference(name = "listeners", service = MessageListener.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, unbind = "removeListener", updated = "updatedListener")
    void addListener(MessageListener listener, Map<String, Object> properties) {
        subscribers.add(listener, properties);
    }

    void updatedListener(MessageListener listener, Map<String, Object> properties) {
        subscribers.add(listener, properties);
    }

    void removeListener(MessageListener listener) {
        subscribers.remove(listener);
    }

    @Override
    public CompletableFuture<Void> send(String nodeId, String topic, Payload data) {
        if (nodeId == null || nodeId.isBlank()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("no node id given to send a message to"));
        }
        Envelope envelope;
        try {
            envelope = UserMessages.envelope(topic, data);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        Optional<Peer> peer = transport.peer(nodeId).filter(Peer::isConnected);
        if (peer.isEmpty()) {
            String why = nodeId.equals(transport.nodeId())
                    ? "node " + nodeId + " is this node; messages go to other nodes"
                    : "node " + nodeId + " is not connected";
            return CompletableFuture.failedFuture(new NoSuchElementException(why));
        }
        return sendTo(peer.get(), topic, envelope);
    }

    /**
     * @throws IllegalArgumentException for a bad topic or too much data, before anything is sent
     */
    @Override
    public List<String> sendToAll(Role role, String topic, Payload data) {
        Objects.requireNonNull(role, "role");
        Envelope envelope = UserMessages.envelope(topic, data);
        List<Peer> targets = new ArrayList<>();
        for (Peer peer : transport.peers()) {
            if (peer.isConnected() && peer.roles().contains(role.label())) {
                targets.add(peer);
            }
        }
        targets.sort(Comparator.comparing(Peer::nodeId));
        List<String> sentTo = new ArrayList<>(targets.size());
        for (Peer peer : targets) {
            sendTo(peer, topic, envelope);
            sentTo.add(peer.nodeId());
        }
        return List.copyOf(sentTo);
    }

    /** Sends one message; a failure is logged (the caller of sendToAll has no future to see it in) and fails the future. */
    private CompletableFuture<Void> sendTo(Peer peer, String topic, Envelope envelope) {
        CompletableFuture<Void> written;
        try {
            written = peer.send(envelope);
        } catch (RuntimeException e) {
            written = CompletableFuture.failedFuture(e);
        }
        return written.whenComplete((ignored, failure) -> {
            if (failure != null) {
                log.warn("Messages: the message on topic '{}' to node {} was not sent: {}", topic, peer.nodeId(), failure.toString());
            }
        });
    }

    /** The transport's handler for USER_MESSAGE bodies; runs on the connection's event-loop thread. */
    private CompletableFuture<Envelope> received(Peer from, Envelope envelope) {
        UserMessages.Received message;
        try {
            message = UserMessages.read(envelope.getUserMessage());
        } catch (IllegalArgumentException e) {
            log.warn("Messages: dropped a message from node {}: {}", from.nodeId(), e.getMessage());
            return acknowledged();
        }
        if (subscribers.deliver(from.nodeId(), message.topic(), message.data()) == 0) {
            log.debug("Messages: no listener for topic '{}' (message from node {})", message.topic(), from.nodeId());
        }
        return acknowledged();
    }

    /** What the transport needs back from a handler; for a one-way message it sends nothing. */
    private static CompletableFuture<Envelope> acknowledged() {
        return CompletableFuture.completedFuture(Envelope.getDefaultInstance());
    }
}
