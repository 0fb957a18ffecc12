package io.colony.sandbox.internal.process.protocol;

import io.colony.sandbox.internal.compile.CompiledClasses;
import java.util.Objects;

/** Child to parent: what the source compiled to. */
public record Compiled(CompiledClasses classes) {

    public Compiled {
        Objects.requireNonNull(classes, "classes");
    }

    public Frame toFrame() {
        BodyWriter body = new BodyWriter();
        Fields.writeClasses(body, classes);
        return new Frame(FrameType.COMPILED, body.toByteArray());
    }

    public static Compiled from(Frame frame) throws ProtocolException {
        BodyReader in = frame.reader();
        CompiledClasses classes = Fields.readClasses(in);
        in.expectEnd();
        return new Compiled(classes);
    }
}
