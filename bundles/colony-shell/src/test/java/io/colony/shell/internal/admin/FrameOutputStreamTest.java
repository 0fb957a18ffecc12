package io.colony.shell.internal.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.colony.api.admin.AdminProtocol;
import io.colony.api.admin.AdminProtocol.Frame;
import io.colony.api.admin.AdminProtocol.FrameType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameOutputStreamTest {

    private final ByteArrayOutputStream wire = new ByteArrayOutputStream();
    private final FrameOutputStream stream = new FrameOutputStream(new DataOutputStream(wire), FrameType.ERR);

    private List<Frame> frames() throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(wire.toByteArray()));
        List<Frame> frames = new ArrayList<>();
        while (in.available() > 0) {
            frames.add(AdminProtocol.read(in));
        }
        return frames;
    }

    private void write(String text) throws IOException {
        stream.write(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void sendsCompleteLinesAndKeepsTheRestUntilFlush() throws IOException {
        write("one\ntwo");
        assertEquals(List.of("one\n"), frames().stream().map(Frame::text).toList());
        write("\nthree");
        stream.flush();
        assertEquals(List.of("one\n", "two\n", "three"), frames().stream().map(Frame::text).toList());
        assertEquals(FrameType.ERR, frames().get(0).type());
    }

    @Test
    void sendsALongLineWithoutWaitingForItsEnd() throws IOException {
        write("x".repeat(FrameOutputStream.MAX_BUFFERED));
        assertEquals(FrameOutputStream.MAX_BUFFERED, frames().get(0).payload().length);
    }

    @Test
    void failsEveryWriteOnceTheClientIsGone() {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        FrameOutputStream toNobody = new FrameOutputStream(new DataOutputStream(broken), FrameType.OUT);
        assertThrows(IOException.class, () -> toNobody.write("line\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("the admin client is gone",
                assertThrows(IOException.class, () -> toNobody.write('x')).getMessage());
    }
}
