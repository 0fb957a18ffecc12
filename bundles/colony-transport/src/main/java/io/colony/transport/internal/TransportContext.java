package io.colony.transport.internal;

import io.colony.transport.proto.Error.Code;
import io.colony.transport.proto.Hello;
import io.netty.channel.Channel;
import java.util.function.IntSupplier;

/** What every connection of one transport shares: identity, settings, peers, listeners and handlers. */
final class TransportContext {

    /** The protocol's major version; a peer speaking another major version is refused. */
    static final int PROTOCOL_VERSION = 1;

    final LocalNode local;
    final TransportSettings settings;
    final HandshakeProof proof;
    final PeerRegistry registry;
    final PeerListeners listeners;
    final RequestHandlers handlers;
    final ConnectionCloser closer;
    final TransportLog log;
    final TruncatedFrameHandler truncation;
    /** The TLS contexts, or null when TLS is off. */
    final TlsContexts tls;
    private final IntSupplier listenPort;

    TransportContext(LocalNode local, TransportSettings settings, TlsContexts tls, TransportLog log, IntSupplier listenPort) {
        this.local = local;
        this.settings = settings;
        this.proof = new HandshakeProof(local.secret());
        this.registry = new PeerRegistry(local.id());
        this.listeners = new PeerListeners(log);
        this.handlers = new RequestHandlers();
        this.closer = new ConnectionCloser(log);
        this.log = log;
        this.truncation = new TruncatedFrameHandler(closer);
        this.tls = tls;
        this.listenPort = listenPort;
    }

    Hello hello(byte[] nonce) {
        return Hello.newBuilder()
                .setProtocolVersion(PROTOCOL_VERSION)
                .setNodeId(local.id())
                .setClusterName(local.clusterName())
                .addAllRoles(local.roles())
                .setListenPort(listenPort.getAsInt())
                .setNonce(com.google.protobuf.ByteString.copyFrom(nonce))
                .build();
    }

    /**
     * Checks a peer's Hello; the reason it is refused, or null when it may go on.
     */
    RefusalReason refusal(Hello hello) {
        if (hello.getProtocolVersion() != PROTOCOL_VERSION) {
            return new RefusalReason(Code.PROTOCOL_VERSION, "protocol version " + hello.getProtocolVersion()
                    + " not supported (node " + local.id() + " speaks version " + PROTOCOL_VERSION + ")");
        }
        if (!hello.getClusterName().equals(local.clusterName())) {
            return new RefusalReason(Code.WRONG_CLUSTER, "cluster '" + hello.getClusterName() + "' is not this node's cluster '"
                    + local.clusterName() + "'");
        }
        if (hello.getNodeId().isBlank() || hello.getNodeId().length() > 255) {
            return new RefusalReason(Code.PROTOCOL_VIOLATION, "the Hello has no valid node id");
        }
        if (hello.getNodeId().equals(local.id())) {
            return new RefusalReason(Code.PROTOCOL_VIOLATION, "node id '" + hello.getNodeId()
                    + "' is this node's own id (it connected to itself, or two nodes share an id)");
        }
        if (hello.getNonce().size() != HandshakeProof.NONCE_BYTES) {
            return new RefusalReason(Code.PROTOCOL_VIOLATION, "the Hello's nonce has " + hello.getNonce().size()
                    + " bytes instead of " + HandshakeProof.NONCE_BYTES);
        }
        if (hello.getListenPort() > 65535 || hello.getRolesCount() > 16) {
            return new RefusalReason(Code.PROTOCOL_VIOLATION, "the Hello's listen port or roles are out of range");
        }
        return null;
    }

    record RefusalReason(Code code, String message) {
    }

    /**
     * Registers a connection that passed the handshake and closes the duplicate it displaces, if any.
     * The caller fires {@code peerConnected} when the returned registration accepted the candidate.
     */
    PeerRegistry.Registration authenticated(PeerConnection candidate) {
        candidate.channel().attr(PeerConnection.KEY).set(candidate);
        PeerRegistry.Registration registration = registry.register(candidate);
        PeerConnection duplicate = registration.duplicate();
        if (duplicate != null && duplicate != candidate) {
            closer.closeDeliberately(duplicate.channel(), Code.DUPLICATE_CONNECTION, duplicateReason(registration.kept()));
        }
        return registration;
    }

    String duplicateReason(PeerConnection kept) {
        return "duplicate connection between " + local.id() + " and " + kept.nodeId() + ": keeping the one opened by "
                + kept.initiatorId();
    }

    void closeForBadPeer(Channel channel, RefusalReason reason) {
        closer.close(channel, reason.code(), reason.message());
    }
}
