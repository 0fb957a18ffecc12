package io.colony.sandbox.internal.process.protocol;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Writes the hello and then frames; safe to use from several threads (a frame is written whole). */
public final class FrameWriter implements AutoCloseable {

    private final DataOutputStream out;

    public FrameWriter(OutputStream out) {
        this.out = new DataOutputStream(out);
    }

    public synchronized void writeHello() throws IOException {
        Protocol.writeHello(out);
        out.flush();
    }

    public void write(FrameType type, BodyWriter body) throws IOException {
        write(new Frame(type, body.toByteArray()));
    }

    public synchronized void write(Frame frame) throws IOException {
        out.writeByte(frame.type().code());
        out.writeInt(frame.body().length);
        out.write(frame.body());
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
