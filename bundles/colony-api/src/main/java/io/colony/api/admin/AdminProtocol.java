package io.colony.api.admin;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The admin channel's wire format, version 1.
 *
 * <p>Every message is a frame: one type byte, a 4-byte big-endian length, then that many bytes.
 * The conversation:
 * <ol>
 *   <li>server: {@link FrameType#HELLO} with {@code colony-admin/1 } followed by a hex nonce;</li>
 *   <li>client: {@link FrameType#AUTH} with the hex HMAC-SHA256 of the nonce's bytes under the admin
 *       secret (the secret itself never crosses the socket);</li>
 *   <li>server: {@link FrameType#OK}, or {@link FrameType#ERROR} with the reason, then it closes;</li>
 *   <li>any number of times: client {@link FrameType#EXEC} with a command line; server answers with
 *       {@link FrameType#OUT} and {@link FrameType#ERR} frames as the command writes, then one
 *       {@link FrameType#EXIT} whose payload is the 4-byte exit status (0 when it succeeded).</li>
 * </ol>
 */
public final class AdminProtocol {

    /** The greeting's prefix; a client refuses a server that does not speak this version. */
    public static final String GREETING = "colony-admin/1 ";

    /** Largest frame either side accepts. */
    public static final int MAX_FRAME_BYTES = 4 * 1024 * 1024;

    /** Name of the file under the node's data directory that holds the channel's port. */
    public static final String PORT_FILE = "shell.port";

    /**
     * Name of the file under the node's data directory that holds the admin secret: the HMAC key as
     * hex digits (the node writes 32 random bytes, readable by its user only).
     */
    public static final String SECRET_FILE = "admin.secret";

    /** Fewest key bytes a secret file may hold. */
    public static final int MIN_SECRET_BYTES = 16;

    /** Exit status of a command that completed. */
    public static final int STATUS_OK = 0;

    /** Exit status of a command that failed. */
    public static final int STATUS_FAILED = 1;

    /** Frame types. */
    public enum FrameType {
        HELLO('H'), AUTH('A'), OK('K'), ERROR('E'), EXEC('X'), OUT('O'), ERR('R'), EXIT('Z');

        private final byte code;

        FrameType(char code) {
            this.code = (byte) code;
        }

        static FrameType of(byte code) throws IOException {
            for (FrameType type : values()) {
                if (type.code == code) {
                    return type;
                }
            }
            throw new IOException("protocol error: unknown frame type 0x" + HexFormat.of().toHexDigits(code));
        }
    }

    /** One frame as read from the socket. */
    public record Frame(FrameType type, byte[] payload) {

        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        /** The status carried by an {@link FrameType#EXIT} frame. */
        public int status() throws IOException {
            if (type != FrameType.EXIT || payload.length != 4) {
                throw new IOException("protocol error: expected an exit status, got " + type);
            }
            return ((payload[0] & 0xff) << 24) | ((payload[1] & 0xff) << 16) | ((payload[2] & 0xff) << 8) | (payload[3] & 0xff);
        }
    }

    private AdminProtocol() {
    }

    public static void write(DataOutputStream out, FrameType type, byte[] payload) throws IOException {
        if (payload.length > MAX_FRAME_BYTES) {
            throw new IOException("frame of " + payload.length + " bytes exceeds the limit of " + MAX_FRAME_BYTES);
        }
        synchronized (out) {
            out.writeByte(type.code);
            out.writeInt(payload.length);
            out.write(payload);
            out.flush();
        }
    }

    public static void write(DataOutputStream out, FrameType type, String text) throws IOException {
        write(out, type, text.getBytes(StandardCharsets.UTF_8));
    }

    public static void writeExit(DataOutputStream out, int status) throws IOException {
        write(out, FrameType.EXIT, new byte[] {(byte) (status >>> 24), (byte) (status >>> 16), (byte) (status >>> 8), (byte) status});
    }

    /**
     * Reads one frame.
     *
     * @throws EOFException when the peer closed the connection before a frame began
     * @throws IOException on a malformed or oversized frame
     */
    public static Frame read(DataInputStream in) throws IOException {
        int code = in.read();
        if (code < 0) {
            throw new EOFException("connection closed");
        }
        FrameType type = FrameType.of((byte) code);
        int length = in.readInt();
        if (length < 0 || length > MAX_FRAME_BYTES) {
            throw new IOException("protocol error: frame length " + length + " outside 0.." + MAX_FRAME_BYTES);
        }
        byte[] payload = new byte[length];
        in.readFully(payload);
        return new Frame(type, payload);
    }

    /**
     * The HMAC key held by a secret file's content: its hex digits decoded, surrounding whitespace
     * ignored. Server and client both read the file through this method, so they agree on the key.
     *
     * @throws IllegalArgumentException when the content is not at least {@value #MIN_SECRET_BYTES}
     *     bytes written as hex digits
     */
    public static byte[] secretKey(String fileContent) {
        try {
            byte[] key = HexFormat.of().parseHex(fileContent.strip());
            if (key.length >= MIN_SECRET_BYTES) {
                return key;
            }
        } catch (IllegalArgumentException e) {
            // reported below, with what was expected
        }
        throw new IllegalArgumentException("not an admin secret (expected at least " + 2 * MIN_SECRET_BYTES + " hex digits)");
    }

    /** The answer to a challenge: hex HMAC-SHA256 of the nonce under the secret. */
    public static String respond(byte[] secret, String nonceHex) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(HexFormat.of().parseHex(nonceHex)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("protocol error: the nonce is not hex", e);
        }
    }

    /** Checks a client's answer in constant time. */
    public static boolean verify(byte[] secret, String nonceHex, String answer) {
        byte[] expected = respond(secret, nonceHex).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, answer.trim().getBytes(StandardCharsets.US_ASCII));
    }
}
