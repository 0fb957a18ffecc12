package io.colony.sandbox.internal.process.protocol;

import io.colony.api.plugin.Payload;
import java.util.Objects;

/** Child to parent: the program's result. */
public record RunResult(Payload payload) {

    /** The most bytes a RESULT frame has besides the payload's own bytes. */
    public static final int OVERHEAD = 8 + 3 * Protocol.MAX_CONTENT_TYPE;

    public RunResult {
        Objects.requireNonNull(payload, "payload");
    }

    public Frame toFrame() {
        BodyWriter body = new BodyWriter();
        Fields.writePayload(body, payload);
        return new Frame(FrameType.RESULT, body.toByteArray());
    }

    public static RunResult from(Frame frame, int maxBytes) throws ProtocolException {
        BodyReader in = frame.reader();
        Payload payload = Fields.readPayload(in, "result", maxBytes);
        in.expectEnd();
        return new RunResult(payload);
    }
}
