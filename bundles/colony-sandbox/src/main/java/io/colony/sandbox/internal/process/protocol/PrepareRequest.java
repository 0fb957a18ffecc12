package io.colony.sandbox.internal.process.protocol;

import io.colony.api.source.SourceCode;
import java.util.List;

/** Parent to child: compile, verify and instrument this source. */
public record PrepareRequest(SourceCode source, List<String> allowlistExtensions) {

    public PrepareRequest {
        allowlistExtensions = List.copyOf(allowlistExtensions);
    }

    public Frame toFrame() {
        BodyWriter body = new BodyWriter();
        Fields.writeSource(body, source);
        Fields.writeStrings(body, allowlistExtensions);
        return new Frame(FrameType.PREPARE_REQUEST, body.toByteArray());
    }

    public static PrepareRequest from(Frame frame) throws ProtocolException {
        BodyReader in = frame.reader();
        SourceCode source = Fields.readSource(in);
        List<String> allowlist = Fields.readStrings(in, "allowlistExtensions");
        in.expectEnd();
        return new PrepareRequest(source, allowlist);
    }
}
