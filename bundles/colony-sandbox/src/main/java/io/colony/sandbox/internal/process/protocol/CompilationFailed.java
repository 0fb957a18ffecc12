package io.colony.sandbox.internal.process.protocol;

import io.colony.api.source.Diagnostic;
import java.util.ArrayList;
import java.util.List;

/** Child to parent: the source does not compile; the compiler's messages. */
public record CompilationFailed(List<Diagnostic> diagnostics) {

    public CompilationFailed {
        diagnostics = List.copyOf(diagnostics);
    }

    public Frame toFrame() {
        BodyWriter body = new BodyWriter();
        List<Diagnostic> sent = diagnostics.subList(0, Math.min(diagnostics.size(), Protocol.MAX_ITEMS));
        body.writeInt(sent.size());
        for (Diagnostic d : sent) {
            body.writeString(Protocol.cut(d.kind())).writeString(Protocol.cut(d.file())).writeLong(d.line()).writeLong(d.column()).writeString(Protocol.cut(d.message()));
        }
        return new Frame(FrameType.COMPILATION_FAILED, body.toByteArray());
    }

    public static CompilationFailed from(Frame frame) throws ProtocolException {
        BodyReader in = frame.reader();
        int count = in.readCount("diagnostics", Protocol.MAX_ITEMS);
        List<Diagnostic> diagnostics = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            diagnostics.add(new Diagnostic(in.readString("kind", Protocol.MAX_MESSAGE), in.readString("file", Protocol.MAX_MESSAGE),
                    in.readLong("line"), in.readLong("column"), in.readString("message", Protocol.MAX_MESSAGE)));
        }
        in.expectEnd();
        if (diagnostics.isEmpty()) {
            throw in.malformed("diagnostics", "a failed compilation without a message");
        }
        return new CompilationFailed(diagnostics);
    }
}
