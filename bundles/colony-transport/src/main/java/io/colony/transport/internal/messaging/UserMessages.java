package io.colony.transport.internal.messaging;

import com.google.protobuf.ByteString;
import io.colony.api.message.Messenger;
import io.colony.api.plugin.Payload;
import io.colony.transport.proto.Chunk;
import io.colony.transport.proto.Envelope;
import io.colony.transport.proto.UserMessage;

/**
 * Cluster messages on the wire: a {@link UserMessage} (topic and data) in a one-way envelope. Both
 * ways check the same rules, so that a peer cannot hand listeners what this node would not send.
 */
final class UserMessages {

    private UserMessages() {
    }

    /** A message as it arrived: the topic and the data. */
    record Received(String topic, Payload data) {
    }

    /**
     * The one-way envelope of a message.
     *
     * @throws IllegalArgumentException when the topic is not valid ({@link Topics}), the data is missing
     *     or larger than {@link Messenger#MAX_DATA_BYTES}
     */
    static Envelope envelope(String topic, Payload data) {
        Topics.problem(topic).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        if (data == null) {
            throw new IllegalArgumentException("the data of a message on topic '" + topic + "' is missing (use Payload.empty())");
        }
        checkSize(topic, data.size());
        Chunk chunk = Chunk.newBuilder().setData(ByteString.copyFrom(data.bytes())).setContentType(data.contentType()).build();
        return Envelope.newBuilder().setUserMessage(UserMessage.newBuilder().setTopic(topic).setData(chunk)).build();
    }

    /**
     * Reads an incoming message.
     *
     * @throws IllegalArgumentException saying what is wrong: the topic, the size or the content type
     */
    static Received read(UserMessage message) {
        String topic = message.getTopic();
        Topics.problem(topic).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        Chunk chunk = message.getData();
        checkSize(topic, chunk.getData().size());
        if (!message.hasData()) {
            return new Received(topic, Payload.empty());
        }
        try {
            return new Received(topic, Payload.of(chunk.getData().toByteArray(), chunk.getContentType()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the data of the message on topic '" + topic + "' is not usable: " + e.getMessage(), e);
        }
    }

    private static void checkSize(String topic, int bytes) {
        if (bytes > Messenger.MAX_DATA_BYTES) {
            throw new IllegalArgumentException("the data of a message on topic '" + topic + "' has " + bytes
                    + " bytes, more than the limit of " + Messenger.MAX_DATA_BYTES + " (Messenger.MAX_DATA_BYTES)");
        }
    }
}
