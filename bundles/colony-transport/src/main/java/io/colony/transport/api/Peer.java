package io.colony.transport.api;

import io.colony.transport.proto.Envelope;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.osgi.annotation.versioning.ProviderType;

/** An authenticated connection to another node. */
@ProviderType
public interface Peer {

    String nodeId();

    /** The role labels it announced in its handshake: {@code manager}, {@code worker}, {@code tracker}. */
    Set<String> roles();

    /** The address it is connected from or to. */
    String host();

    /** The port it listens on, as it announced (not the ephemeral port of an inbound connection). */
    int listenPort();

    /**
     * Sends a request and completes with the response, or fails with a {@link TransportException} when
     * the peer answers with an error, the connection is lost, or the timeout passes.
     */
    CompletableFuture<Envelope> request(Envelope request, Duration timeout);

    /**
     * Sends a one-way message. Writes are batched: several messages sent in one event-loop turn go out
     * with one flush. The future completes when the message was written to the socket.
     */
    CompletableFuture<Void> send(Envelope message);

    /** False while the connection's outbound buffer is above its high-water mark: slow down. */
    boolean isWritable();

    boolean isConnected();

    /** Closes the connection, telling the peer why. */
    void close(String reason);
}
