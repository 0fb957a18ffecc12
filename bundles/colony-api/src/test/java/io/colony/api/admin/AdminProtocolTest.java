package io.colony.api.admin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.admin.AdminProtocol.Frame;
import io.colony.api.admin.AdminProtocol.FrameType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AdminProtocolTest {

    @Test
    void framesRoundTrip() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        AdminProtocol.write(out, FrameType.EXEC, "colony:node");
        AdminProtocol.writeExit(out, 258);
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
        Frame exec = AdminProtocol.read(in);
        assertEquals(FrameType.EXEC, exec.type());
        assertEquals("colony:node", exec.text());
        assertEquals(258, AdminProtocol.read(in).status());
        assertThrows(EOFException.class, () -> AdminProtocol.read(in));
    }

    @Test
    void rejectsAnOversizedFrameLengthWithoutAllocatingIt() {
        byte[] header = {'X', 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        IOException error = assertThrows(IOException.class,
                () -> AdminProtocol.read(new DataInputStream(new ByteArrayInputStream(header))));
        assertTrue(error.getMessage().contains("frame length"), error.getMessage());
    }

    @Test
    void rejectsAnUnknownFrameType() {
        byte[] frame = {'?', 0, 0, 0, 0};
        IOException error = assertThrows(IOException.class,
                () -> AdminProtocol.read(new DataInputStream(new ByteArrayInputStream(frame))));
        assertTrue(error.getMessage().contains("unknown frame type"), error.getMessage());
    }

    @Test
    void aTruncatedFrameIsAnError() {
        byte[] frame = {'O', 0, 0, 0, 10, 'a', 'b'};
        assertThrows(EOFException.class,
                () -> AdminProtocol.read(new DataInputStream(new ByteArrayInputStream(frame))));
    }

    @Test
    void onlyTheHolderOfTheSecretAnswersTheChallenge() {
        byte[] secret = "s3cret".getBytes(StandardCharsets.UTF_8);
        String nonce = "00112233445566778899aabbccddeeff";
        String answer = AdminProtocol.respond(secret, nonce);
        assertTrue(AdminProtocol.verify(secret, nonce, answer));
        assertFalse(AdminProtocol.verify("other".getBytes(StandardCharsets.UTF_8), nonce, answer));
        assertFalse(AdminProtocol.verify(secret, "ffeeddccbbaa99887766554433221100", answer));
        assertArrayEquals(answer.getBytes(StandardCharsets.US_ASCII),
                AdminProtocol.respond(secret, nonce).getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void secretKeyIsTheHexDecodedFileContent() {
        assertArrayEquals(new byte[] {0x01, 0x23, 0x45, 0x67, (byte) 0x89, (byte) 0xab, (byte) 0xcd, (byte) 0xef,
                0x01, 0x23, 0x45, 0x67, (byte) 0x89, (byte) 0xab, (byte) 0xcd, (byte) 0xef},
                AdminProtocol.secretKey("  0123456789abcdef0123456789ABCDEF\n"));
    }

    @Test
    void secretKeyRefusesShortOrNonHexContent() {
        assertEquals("not an admin secret (expected at least 32 hex digits)",
                assertThrows(IllegalArgumentException.class, () -> AdminProtocol.secretKey("abcd")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> AdminProtocol.secretKey("s3cret-s3cret-s3cret-s3cret-s3cret!"));
    }
}
