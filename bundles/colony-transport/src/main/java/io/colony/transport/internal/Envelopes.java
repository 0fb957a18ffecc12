package io.colony.transport.internal;

import io.colony.transport.proto.Envelope;
import io.colony.transport.proto.Error;
import io.colony.transport.proto.Error.Code;

/** Small factories for the envelopes the transport itself sends. */
final class Envelopes {

    private Envelopes() {
    }

    static Envelope error(Code code, String message) {
        return Envelope.newBuilder().setError(Error.newBuilder().setCode(code).setMessage(message)).build();
    }

    static Envelope errorResponse(long correlationId, Code code, String message) {
        return Envelope.newBuilder().setCorrelationId(correlationId).setResponse(true)
                .setError(Error.newBuilder().setCode(code).setMessage(message)).build();
    }

    static String describe(Error error) {
        return error.getMessage().isEmpty() ? error.getCode().name() : error.getMessage();
    }
}
