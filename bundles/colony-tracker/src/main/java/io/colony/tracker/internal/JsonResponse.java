package io.colony.tracker.internal;

import java.util.Optional;

/**
 * An HTTP answer before it meets the wire: status, JSON body, and for 405 the methods allowed.
 */
record JsonResponse(int status, byte[] body, Optional<String> allow) {

    static JsonResponse of(int status, byte[] body) {
        return new JsonResponse(status, body, Optional.empty());
    }
}
