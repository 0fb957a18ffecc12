package io.colony.sandbox.internal.process.protocol;

import io.colony.api.source.Violation;
import java.util.ArrayList;
import java.util.List;

/** Child to parent: the compiled source was refused; everything the allowlist refuses. */
public record VerificationFailed(List<Violation> violations) {

    public VerificationFailed {
        violations = List.copyOf(violations);
    }

    public Frame toFrame() {
        BodyWriter body = new BodyWriter();
        List<Violation> sent = violations.subList(0, Math.min(violations.size(), Protocol.MAX_ITEMS));
        body.writeInt(sent.size());
        for (Violation v : sent) {
            body.writeString(Protocol.cut(v.className())).writeString(Protocol.cut(v.location())).writeString(Protocol.cut(v.reference()))
                    .writeString(Protocol.cut(v.reason()));
        }
        return new Frame(FrameType.VERIFICATION_FAILED, body.toByteArray());
    }

    public static VerificationFailed from(Frame frame) throws ProtocolException {
        BodyReader in = frame.reader();
        int count = in.readCount("violations", Protocol.MAX_ITEMS);
        List<Violation> violations = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            violations.add(new Violation(in.readString("className", Protocol.MAX_MESSAGE), in.readString("location", Protocol.MAX_MESSAGE),
                    in.readString("reference", Protocol.MAX_MESSAGE), in.readString("reason", Protocol.MAX_MESSAGE)));
        }
        in.expectEnd();
        if (violations.isEmpty()) {
            throw in.malformed("violations", "a refusal without a violation");
        }
        return new VerificationFailed(violations);
    }
}
