package io.colony.sandbox.internal.process.protocol;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The frame protocol between a worker and a child JVM, over the child's stdin and stdout. Each side
 * first writes a hello ({@link #MAGIC}, {@link #VERSION}); then frames follow, each a type code (one
 * byte), the body's length (a 4-byte int) and the body, whose fields are written with
 * {@link BodyWriter} and read with {@link BodyReader}. Every length is checked against a limit
 * before anything is allocated for it. Java serialization is never used.
 */
public final class Protocol {

    /** {@code CLNY}. */
    public static final int MAGIC = 0x434C4E59;
    /** Raised on any incompatible change of a frame's layout. */
    public static final short VERSION = 1;

    /** The longest content type of a payload. */
    public static final int MAX_CONTENT_TYPE = 256;
    /** The longest name: a task id, a class name, a source path, a level. */
    public static final int MAX_NAME = 1024;
    /** The most classes one program may have. */
    public static final int MAX_CLASSES = 4096;
    /** The most bytes of all classes of one program together. */
    public static final int MAX_PROGRAM_BYTES = 64 << 20;
    /** The longest message of a failure, a diagnostic or a violation; longer ones are cut. */
    public static final int MAX_MESSAGE = 16 << 10;
    /** The most diagnostics or violations one frame carries; further ones are left out. */
    public static final int MAX_ITEMS = 1000;
    /** The largest input payload a run request carries. */
    public static final int MAX_INPUT = 1 << 30;

    private Protocol() {
    }

    public static void writeHello(DataOutput out) throws IOException {
        out.writeInt(MAGIC);
        out.writeShort(VERSION);
    }

    /** @throws ProtocolException when the other side is not this protocol, or speaks another version */
    public static void readHello(DataInput in) throws IOException {
        int magic = in.readInt();
        if (magic != MAGIC) {
            throw new ProtocolException("the other side does not speak the sandbox's child protocol (it began with 0x"
                    + Integer.toHexString(magic) + ", not 0x" + Integer.toHexString(MAGIC) + ")");
        }
        short version = in.readShort();
        if (version != VERSION) {
            throw new ProtocolException("the other side speaks version " + version + " of the sandbox's child protocol; this side speaks "
                    + VERSION);
        }
    }

    /** The text cut to {@link #MAX_MESSAGE} characters, for a message whose length the sender does not control. */
    public static String cut(String text) {
        return cut(text, MAX_MESSAGE / 4);
    }

    static String cut(String text, int chars) {
        return text.length() <= chars ? text : text.substring(0, chars) + "…";
    }
}
