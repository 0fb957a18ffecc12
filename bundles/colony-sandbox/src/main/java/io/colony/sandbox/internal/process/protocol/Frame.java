package io.colony.sandbox.internal.process.protocol;

import java.util.Objects;

/** One message on a child JVM's pipe: its type and its body, whose layout the type defines. */
public record Frame(FrameType type, byte[] body) {

    public Frame {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(body, "body");
    }

    public static Frame empty(FrameType type) {
        return new Frame(type, new byte[0]);
    }

    public BodyReader reader() {
        return new BodyReader(type, body);
    }
}
