package io.colony.http.internal.routing;

import io.netty.channel.Channel;
import java.util.Map;
import java.util.Optional;

/** What a route answers: a whole response, or a stream that takes the connection over. */
public sealed interface Reply {

    /**
     * A complete response.
     *
     * @param contentType null for no body (204)
     * @param headers further headers (Location, Allow, WWW-Authenticate)
     */
    record Full(int status, String contentType, byte[] body, Map<String, String> headers) implements Reply {
        public Full {
            headers = Map.copyOf(headers);
        }

        public static Full empty(int status) {
            return new Full(status, null, new byte[0], Map.of());
        }
    }

    /** A response that stays open and is written by its source (server-sent events). */
    record Stream(StreamSource source) implements Reply {
    }

    /** Takes over a connection for a stream; called on the connection's event loop. */
    interface StreamSource {
        /** @return empty when the stream started, or the answer refusing it (the connection stays a normal one) */
        Optional<Full> open(Channel channel);
    }
}
