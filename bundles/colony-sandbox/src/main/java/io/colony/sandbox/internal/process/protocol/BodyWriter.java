package io.colony.sandbox.internal.process.protocol;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Writes the fields of a frame's body: numbers big-endian, strings and byte arrays with an int length first. */
public final class BodyWriter {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final DataOutputStream out = new DataOutputStream(bytes);

    public BodyWriter writeByte(int value) {
        return write(() -> out.writeByte(value));
    }

    public BodyWriter writeBoolean(boolean value) {
        return write(() -> out.writeBoolean(value));
    }

    public BodyWriter writeInt(int value) {
        return write(() -> out.writeInt(value));
    }

    public BodyWriter writeLong(long value) {
        return write(() -> out.writeLong(value));
    }

    public BodyWriter writeDouble(double value) {
        return write(() -> out.writeDouble(value));
    }

    public BodyWriter writeDuration(Duration value) {
        return writeLong(value.getSeconds()).writeInt(value.getNano());
    }

    /** UTF-8, its byte count first. */
    public BodyWriter writeString(String value) {
        return writeBytes(value.getBytes(StandardCharsets.UTF_8));
    }

    public BodyWriter writeBytes(byte[] value) {
        return write(() -> {
            out.writeInt(value.length);
            out.write(value);
        });
    }

    public byte[] toByteArray() {
        return bytes.toByteArray();
    }

    private BodyWriter write(Write write) {
        try {
            write.run();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return this;
    }

    private interface Write {
        void run() throws IOException;
    }
}
