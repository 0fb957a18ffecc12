package io.colony.transport.api;

import io.colony.transport.proto.Envelope;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.osgi.annotation.versioning.ProviderType;

/**
 * This node's end of the cluster transport, registered as a service once it listens. Peers connect
 * to each other in either direction; a pair of nodes keeps one connection, whoever opened it.
 */
@ProviderType
public interface Transport {

    /** This node's id, as peers know it. */
    String nodeId();

    /** The port this node listens on, to be advertised by discovery. */
    int port();

    /**
     * Connects to a node and runs the handshake (both sides prove they hold the cluster secret).
     * Completes with the connection, or with the existing one when this node is already connected to
     * that node; fails with a {@link TransportException} saying why (refused, timed out, wrong
     * secret, another cluster, itself).
     */
    CompletableFuture<Peer> connect(String host, int port);

    /** The authenticated peers connected now. */
    Collection<Peer> peers();

    Optional<Peer> peer(String nodeId);

    /** Registers a listener for peers connecting, heartbeats and peers lost; closing the handle removes it. */
    AutoCloseable addListener(PeerListener listener);

    /**
     * Serves requests whose envelope body is of the given case. One handler per case; closing the
     * handle removes it. A request nobody handles is answered with an error naming the case.
     */
    AutoCloseable handle(Envelope.BodyCase bodyCase, RequestHandler handler);
}
