package io.colony.manager.internal.job;

import com.google.protobuf.ByteString;
import io.colony.api.plugin.Payload;
import io.colony.transport.proto.Chunk;
import java.util.List;

/** Payloads to and from their wire form. */
final class Wire {

    private Wire() {
    }

    static Chunk chunk(Payload payload) {
        return Chunk.newBuilder().setData(ByteString.copyFrom(payload.bytes())).setContentType(payload.contentType()).build();
    }

    static List<Chunk> chunks(List<Payload> payloads) {
        return payloads.stream().map(Wire::chunk).toList();
    }

    /** A payload from a chunk; a chunk with no or a malformed content type is taken as binary. */
    static Payload payload(Chunk chunk) {
        String type = chunk.getContentType();
        try {
            return Payload.of(chunk.getData().toByteArray(), type.isEmpty() ? Payload.BINARY : type);
        } catch (IllegalArgumentException malformedType) {
            return Payload.of(chunk.getData().toByteArray(), Payload.BINARY);
        }
    }

    static List<Payload> payloads(List<Chunk> chunks) {
        return chunks.stream().map(Wire::payload).toList();
    }
}
