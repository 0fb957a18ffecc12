package io.colony.transport.api;

import io.colony.transport.proto.Envelope;
import java.util.concurrent.CompletableFuture;
import org.osgi.annotation.versioning.ConsumerType;

/** Answers requests of one kind. Called on a transport thread: long work must go elsewhere. */
@ConsumerType
@FunctionalInterface
public interface RequestHandler {

    /** The response; complete it exceptionally to answer with an error whose message is the exception's. */
    CompletableFuture<Envelope> handle(Peer from, Envelope request);
}
