package io.colony.api.message;

import io.colony.api.node.Role;
import io.colony.api.plugin.Payload;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Sends messages to other nodes of the cluster: manager to one or all workers, worker to its
 * managers, to given workers or to all of them. Delivery is at most once, in order per pair of
 * nodes; receivers are {@link MessageListener} services.
 */
@ProviderType
public interface Messenger {

    /** The most bytes of data one message may carry. */
    int MAX_DATA_BYTES = 8 << 20;

    /**
     * Sends a message to one node.
     *
     * @return completes when written to the connection; fails with {@link java.util.NoSuchElementException}
     *     when that node is not connected, {@link IllegalArgumentException} for a bad topic or too much data
     */
    CompletableFuture<Void> send(String nodeId, String topic, Payload data);

    /**
     * Sends a message to every connected node of a role.
     *
     * @return the ids of the nodes it was sent to
     */
    List<String> sendToAll(Role role, String topic, Payload data);
}
