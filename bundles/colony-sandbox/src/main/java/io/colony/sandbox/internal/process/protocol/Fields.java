package io.colony.sandbox.internal.process.protocol;

import io.colony.api.plugin.Payload;
import io.colony.api.source.Isolation;
import io.colony.api.source.SandboxPolicy;
import io.colony.api.source.SourceCode;
import io.colony.sandbox.internal.compile.CompiledClasses;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The layouts of the API values that several frames carry. */
final class Fields {

    private static final int MAX_ALLOWLIST = 10_000;

    private Fields() {
    }

    static void writePayload(BodyWriter out, Payload payload) {
        out.writeString(payload.contentType()).writeBytes(payload.bytes());
    }

    static Payload readPayload(BodyReader in, String field, int maxBytes) throws ProtocolException {
        String contentType = in.readString(field + ".contentType", Protocol.MAX_CONTENT_TYPE);
        byte[] bytes = in.readBytes(field + ".bytes", maxBytes);
        try {
            return Payload.of(bytes, contentType);
        } catch (IllegalArgumentException e) {
            throw in.malformed(field + ".contentType", e.getMessage());
        }
    }

    static void writePolicy(BodyWriter out, SandboxPolicy policy) {
        out.writeString(policy.isolation().configName())
                .writeDuration(policy.wallTime())
                .writeDuration(policy.cpuTime())
                .writeLong(policy.memoryBytes())
                .writeInt(policy.resultBytes())
                .writeInt(policy.logBytes());
        writeStrings(out, policy.allowlist());
    }

    static SandboxPolicy readPolicy(BodyReader in) throws ProtocolException {
        String isolation = in.readString("policy.isolation", Protocol.MAX_NAME);
        var wallTime = in.readDuration("policy.wallTime");
        var cpuTime = in.readDuration("policy.cpuTime");
        long memoryBytes = in.readLong("policy.memoryBytes");
        int resultBytes = in.readInt("policy.resultBytes");
        int logBytes = in.readInt("policy.logBytes");
        List<String> allowlist = readStrings(in, "policy.allowlist");
        try {
            return new SandboxPolicy(Isolation.fromConfigName(isolation), wallTime, cpuTime, memoryBytes, resultBytes, logBytes, allowlist);
        } catch (IllegalArgumentException e) {
            throw in.malformed("policy", e.getMessage());
        }
    }

    static void writeSource(BodyWriter out, SourceCode source) {
        out.writeString(source.entryClass()).writeInt(source.files().size());
        source.files().forEach((path, text) -> out.writeString(path).writeString(text));
    }

    static SourceCode readSource(BodyReader in) throws ProtocolException {
        String entryClass = in.readString("source.entryClass", SourceCode.MAX_TOTAL_BYTES);
        int count = in.readCount("source.files", SourceCode.MAX_FILES);
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String path = in.readString("source.files.path", SourceCode.MAX_TOTAL_BYTES);
            files.put(path, in.readString("source.files.text", SourceCode.MAX_TOTAL_BYTES));
        }
        try {
            return new SourceCode(files, entryClass);
        } catch (IllegalArgumentException e) {
            throw in.malformed("source", e.getMessage());
        }
    }

    /** The most bytes that {@link #writeClasses} writes for classes of {@link Protocol#MAX_PROGRAM_BYTES}. */
    static final int MAX_CLASSES_BYTES = Protocol.MAX_PROGRAM_BYTES + Protocol.MAX_CLASSES * (8 + 3 * Protocol.MAX_NAME) + 4;

    static void writeClasses(BodyWriter out, CompiledClasses classes) {
        out.writeInt(classes.size());
        classes.forEach((name, bytes) -> out.writeString(name).writeBytes(bytes));
    }

    static CompiledClasses readClasses(BodyReader in) throws ProtocolException {
        int count = in.readCount("classes", Protocol.MAX_CLASSES);
        Map<String, byte[]> classes = new LinkedHashMap<>();
        long total = 0;
        for (int i = 0; i < count; i++) {
            String name = in.readString("classes.name", Protocol.MAX_NAME);
            byte[] bytes = in.readBytes("classes.bytes", Protocol.MAX_PROGRAM_BYTES);
            total += bytes.length;
            if (total > Protocol.MAX_PROGRAM_BYTES) {
                throw in.malformed("classes", "more than " + Protocol.MAX_PROGRAM_BYTES + " bytes of classes");
            }
            if (classes.put(name, bytes) != null) {
                throw in.malformed("classes.name", "the class " + name + " comes twice");
            }
        }
        return new CompiledClasses(classes);
    }

    static void writeStrings(BodyWriter out, List<String> strings) {
        out.writeInt(strings.size());
        strings.forEach(out::writeString);
    }

    static List<String> readStrings(BodyReader in, String field) throws ProtocolException {
        int count = in.readCount(field, MAX_ALLOWLIST);
        List<String> strings = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            strings.add(in.readString(field, Protocol.MAX_NAME));
        }
        return strings;
    }
}
