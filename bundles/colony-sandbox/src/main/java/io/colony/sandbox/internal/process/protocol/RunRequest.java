package io.colony.sandbox.internal.process.protocol;

import io.colony.api.plugin.Payload;
import io.colony.api.source.SandboxPolicy;
import io.colony.sandbox.internal.compile.CompiledClasses;
import io.colony.sandbox.internal.run.PreparedProgram;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** Parent to child: run this prepared (verified, instrumented) program on this input, within this policy. */
public record RunRequest(String taskId, PreparedProgram program, Payload input, SandboxPolicy policy) {

    /** The most bytes of a RUN_REQUEST frame. */
    public static final long MAX_BYTES = (long) Fields.MAX_CLASSES_BYTES + Protocol.MAX_INPUT + 4L * Protocol.MAX_NAME + (1 << 20);

    public RunRequest {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(policy, "policy");
    }

    public Frame toFrame() {
        BodyWriter body = new BodyWriter().writeString(taskId);
        body.writeString(program.entryClass()).writeString(program.hash()).writeDuration(program.compileTime());
        Fields.writeStrings(body, program.allowlistExtensions());
        Fields.writeClasses(body, program.classes());
        Fields.writePayload(body, input);
        Fields.writePolicy(body, policy);
        return new Frame(FrameType.RUN_REQUEST, body.toByteArray());
    }

    public static RunRequest from(Frame frame) throws ProtocolException {
        BodyReader in = frame.reader();
        String taskId = in.readString("taskId", Protocol.MAX_NAME);
        String entryClass = in.readString("entryClass", Protocol.MAX_NAME);
        String hash = in.readString("hash", Protocol.MAX_NAME);
        Duration compileTime = in.readDuration("compileTime");
        List<String> allowlist = Fields.readStrings(in, "allowlistExtensions");
        CompiledClasses classes = Fields.readClasses(in);
        Payload input = Fields.readPayload(in, "input", Protocol.MAX_INPUT);
        SandboxPolicy policy = Fields.readPolicy(in);
        in.expectEnd();
        try {
            return new RunRequest(taskId, new PreparedProgram(entryClass, classes, hash, compileTime, allowlist), input, policy);
        } catch (IllegalArgumentException e) {
            throw in.malformed("entryClass", e.getMessage());
        }
    }
}
