package io.colony.shell.internal.admin;

import io.colony.api.admin.AdminProtocol;
import io.colony.api.admin.AdminProtocol.FrameType;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * What a command writes, sent to the client as {@link FrameType#OUT} or {@link FrameType#ERR}
 * frames: one frame per batch of complete lines, the rest on {@link #flush()}. Once a send has
 * failed (the client is gone) every further write fails, so a command learns that nobody listens.
 */
final class FrameOutputStream extends OutputStream {

    static final int MAX_BUFFERED = 16 * 1024;

    private final DataOutputStream socket;
    private final FrameType type;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private IOException broken;

    FrameOutputStream(DataOutputStream socket, FrameType type) {
        this.socket = socket;
        this.type = type;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        failIfBroken();
        buffer.write(bytes, offset, length);
        if (buffer.size() >= MAX_BUFFERED) {
            send(buffer.size());
            return;
        }
        int lastNewline = lastIndexOf(bytes, offset, length, (byte) '\n');
        if (lastNewline >= 0) {
            send(buffer.size() - (offset + length - 1 - lastNewline));
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        failIfBroken();
        if (buffer.size() > 0) {
            send(buffer.size());
        }
    }

    private void send(int count) throws IOException {
        byte[] all = buffer.toByteArray();
        buffer.reset();
        buffer.write(all, count, all.length - count);
        try {
            for (int start = 0; start < count; start += AdminProtocol.MAX_FRAME_BYTES) {
                int end = Math.min(count, start + AdminProtocol.MAX_FRAME_BYTES);
                AdminProtocol.write(socket, type, java.util.Arrays.copyOfRange(all, start, end));
            }
        } catch (IOException e) {
            broken = e;
            throw e;
        }
    }

    private void failIfBroken() throws IOException {
        if (broken != null) {
            throw new IOException("the admin client is gone", broken);
        }
    }

    private static int lastIndexOf(byte[] bytes, int offset, int length, byte value) {
        for (int index = offset + length - 1; index >= offset; index--) {
            if (bytes[index] == value) {
                return index;
            }
        }
        return -1;
    }
}
