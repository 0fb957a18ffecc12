package io.colony.sandbox.internal.process.protocol;

import io.colony.api.source.LimitExceededException.Limit;
import java.util.Objects;
import java.util.Optional;

/**
 * Child to parent: why the run or the compilation ended without a result.
 *
 * @param limit the limit that was exceeded, present exactly when the kind is {@link Kind#LIMIT}
 * @param message for the user: what went wrong and why
 */
public record Failure(Kind kind, Optional<Limit> limit, String message) {

    /** What ended the run. Codes are part of the protocol. */
    public enum Kind {
        /** the program threw, or could not be instantiated: a PluginException */
        PLUGIN,
        /** the program went past a limit: a LimitExceededException */
        LIMIT,
        /** the run was cancelled */
        CANCELLED,
        /** the child itself failed (a bug or a broken request) */
        INTERNAL
    }

    public Failure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(message, "message");
        if (limit.isPresent() != (kind == Kind.LIMIT)) {
            throw new IllegalArgumentException("a limit goes with the kind LIMIT, and only with it");
        }
    }

    public static Failure of(Kind kind, String message) {
        return new Failure(kind, Optional.empty(), message);
    }

    public static Failure limit(Limit limit, String message) {
        return new Failure(Kind.LIMIT, Optional.of(limit), message);
    }

    public Frame toFrame() {
        BodyWriter body = new BodyWriter().writeByte(kind.ordinal()).writeByte(limit.map(l -> l.ordinal() + 1).orElse(0))
                .writeString(Protocol.cut(message));
        return new Frame(FrameType.FAILURE, body.toByteArray());
    }

    public static Failure from(Frame frame) throws ProtocolException {
        BodyReader in = frame.reader();
        int kind = in.readByte("kind");
        int limit = in.readByte("limit");
        String message = in.readString("message", Protocol.MAX_MESSAGE);
        in.expectEnd();
        if (kind >= Kind.values().length) {
            throw in.malformed("kind", "no kind has the number " + kind);
        }
        if (limit > Limit.values().length) {
            throw in.malformed("limit", "no limit has the number " + limit);
        }
        try {
            return new Failure(Kind.values()[kind], limit == 0 ? Optional.empty() : Optional.of(Limit.values()[limit - 1]), message);
        } catch (IllegalArgumentException e) {
            throw in.malformed("limit", e.getMessage());
        }
    }
}
