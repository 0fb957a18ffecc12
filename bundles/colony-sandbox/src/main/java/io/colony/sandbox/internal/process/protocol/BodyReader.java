package io.colony.sandbox.internal.process.protocol;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Reads the fields of a frame's body as {@link BodyWriter} wrote them. Every length and count is
 * checked against the limit the caller gives, and a failure names the frame and the field.
 */
public final class BodyReader {

    private final FrameType type;
    private final DataInputStream in;
    private final ByteArrayInputStream bytes;

    BodyReader(FrameType type, byte[] body) {
        this.type = type;
        this.bytes = new ByteArrayInputStream(body);
        this.in = new DataInputStream(bytes);
    }

    public int readByte(String field) throws ProtocolException {
        return read(field, in::readUnsignedByte);
    }

    public boolean readBoolean(String field) throws ProtocolException {
        return read(field, in::readBoolean);
    }

    public int readInt(String field) throws ProtocolException {
        return read(field, in::readInt);
    }

    public long readLong(String field) throws ProtocolException {
        return read(field, in::readLong);
    }

    public double readDouble(String field) throws ProtocolException {
        return read(field, in::readDouble);
    }

    public Duration readDuration(String field) throws ProtocolException {
        long seconds = readLong(field);
        int nanos = readInt(field);
        if (nanos < 0 || nanos > 999_999_999) {
            throw malformed(field, "nanoseconds " + nanos + " out of range");
        }
        return Duration.ofSeconds(seconds, nanos);
    }

    /** A count of items that follow, from 0 to {@code max}. */
    public int readCount(String field, int max) throws ProtocolException {
        int count = readInt(field);
        if (count < 0 || count > max) {
            throw malformed(field, "count " + count + " not within 0.." + max);
        }
        return count;
    }

    /** At most {@code maxBytes} bytes of well-formed UTF-8. */
    public String readString(String field, int maxBytes) throws ProtocolException {
        byte[] utf8 = readBytes(field, maxBytes);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(utf8)).toString();
        } catch (CharacterCodingException e) {
            throw malformed(field, "not UTF-8");
        }
    }

    public byte[] readBytes(String field, int maxBytes) throws ProtocolException {
        int length = readInt(field);
        if (length < 0 || length > maxBytes) {
            throw malformed(field, "length " + Integer.toUnsignedString(length) + " not within 0.." + maxBytes);
        }
        if (length > bytes.available()) {
            throw malformed(field, "length " + length + " runs past the end of the frame");
        }
        byte[] value = new byte[length];
        read(field, () -> {
            in.readFully(value);
            return null;
        });
        return value;
    }

    /** @throws ProtocolException when bytes are left over: the sender wrote a layout this side does not know */
    public void expectEnd() throws ProtocolException {
        if (bytes.available() > 0) {
            throw new ProtocolException("a " + type + " frame has " + bytes.available() + " bytes after its last field");
        }
    }

    public ProtocolException malformed(String field, String reason) {
        return new ProtocolException("a " + type + " frame's " + field + ": " + reason);
    }

    private <T> T read(String field, Read<T> read) throws ProtocolException {
        try {
            return read.run();
        } catch (EOFException e) {
            throw malformed(field, "missing, the frame ends before it");
        } catch (IOException e) {
            throw malformed(field, e.getMessage());
        }
    }

    private interface Read<T> {
        T run() throws IOException;
    }
}
