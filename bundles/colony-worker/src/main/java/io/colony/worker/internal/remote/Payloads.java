package io.colony.worker.internal.remote;

import com.google.protobuf.UnsafeByteOperations;
import io.colony.api.plugin.Payload;
import io.colony.transport.proto.Chunk;

/** Converts payloads to and from their wire message. */
final class Payloads {

    private Payloads() {
    }

    /**
     * The payload a chunk carries; a chunk with neither bytes nor content type is the empty payload.
     *
     * @throws IllegalArgumentException when the content type is missing or not of the form type/subtype
     */
    static Payload of(Chunk chunk) {
        if (chunk.getContentType().isEmpty()) {
            if (chunk.getData().isEmpty()) {
                return Payload.empty();
            }
            throw new IllegalArgumentException("missing for " + chunk.getData().size() + " bytes of data");
        }
        return Payload.of(chunk.getData().toByteArray(), chunk.getContentType());
    }

    static Chunk chunk(Payload payload) {
        // bytes() is a fresh copy that nobody else holds, so it can be wrapped without another copy
        return Chunk.newBuilder().setData(UnsafeByteOperations.unsafeWrap(payload.bytes())).setContentType(payload.contentType()).build();
    }
}
