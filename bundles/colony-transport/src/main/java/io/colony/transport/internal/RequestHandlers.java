package io.colony.transport.internal;

import io.colony.transport.api.RequestHandler;
import io.colony.transport.proto.Envelope;
import io.colony.transport.proto.Envelope.BodyCase;
import io.colony.transport.proto.Pong;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** One handler per body case; Ping is answered with a Pong of the same payload unless someone handles it. */
final class RequestHandlers {

    /** Bodies the transport itself uses; nobody may handle them. */
    static final Set<BodyCase> TRANSPORT_BODIES = EnumSet.of(BodyCase.HELLO, BodyCase.CHALLENGE,
            BodyCase.CHALLENGE_RESPONSE, BodyCase.WELCOME, BodyCase.ERROR, BodyCase.HEARTBEAT, BodyCase.BODY_NOT_SET);

    private static final RequestHandler PONG = (from, request) -> CompletableFuture.completedFuture(
            Envelope.newBuilder().setPong(Pong.newBuilder().setPayload(request.getPing().getPayload())).build());

    private final ConcurrentHashMap<BodyCase, RequestHandler> handlers = new ConcurrentHashMap<>();

    AutoCloseable add(BodyCase bodyCase, RequestHandler handler) {
        if (TRANSPORT_BODIES.contains(bodyCase)) {
            throw new IllegalArgumentException(bodyCase + " messages belong to the transport itself");
        }
        if (handlers.putIfAbsent(bodyCase, handler) != null) {
            throw new IllegalStateException("a handler for " + bodyCase + " is already registered");
        }
        return () -> handlers.remove(bodyCase, handler);
    }

    Optional<RequestHandler> find(BodyCase bodyCase) {
        RequestHandler handler = handlers.get(bodyCase);
        if (handler == null && bodyCase == BodyCase.PING) {
            handler = PONG;
        }
        return Optional.ofNullable(handler);
    }
}
