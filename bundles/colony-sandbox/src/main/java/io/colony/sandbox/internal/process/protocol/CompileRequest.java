package io.colony.sandbox.internal.process.protocol;

import io.colony.api.source.SourceCode;
import java.time.Duration;
import java.util.Objects;

/** Parent to child: compile this source within the time limit. */
public record CompileRequest(SourceCode source, Duration timeLimit) {

    /** The most bytes of a COMPILE_REQUEST frame: the source with its paths and lengths. */
    public static final int MAX_BYTES = 3 * SourceCode.MAX_TOTAL_BYTES + 8 * SourceCode.MAX_FILES + 64 + 12;

    public CompileRequest {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(timeLimit, "timeLimit");
    }

    public Frame toFrame() {
        BodyWriter body = new BodyWriter();
        Fields.writeSource(body, source);
        body.writeDuration(timeLimit);
        return new Frame(FrameType.COMPILE_REQUEST, body.toByteArray());
    }

    public static CompileRequest from(Frame frame) throws ProtocolException {
        BodyReader in = frame.reader();
        SourceCode source = Fields.readSource(in);
        Duration timeLimit = in.readDuration("timeLimit");
        in.expectEnd();
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw in.malformed("timeLimit", "must be positive, was " + timeLimit);
        }
        return new CompileRequest(source, timeLimit);
    }
}
