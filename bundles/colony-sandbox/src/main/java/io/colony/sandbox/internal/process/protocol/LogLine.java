package io.colony.sandbox.internal.process.protocol;

import java.lang.System.Logger.Level;
import java.util.Objects;

/** Child to parent: one line the program logged through its task context. */
public record LogLine(Level level, String text) {

    public LogLine {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(text, "text");
    }

    public Frame toFrame() {
        return new Frame(FrameType.LOG, new BodyWriter().writeByte(level.ordinal()).writeString(text).toByteArray());
    }

    /** @param maxTextBytes the longest text accepted, in UTF-8 bytes */
    public static LogLine from(Frame frame, int maxTextBytes) throws ProtocolException {
        BodyReader in = frame.reader();
        int level = in.readByte("level");
        if (level >= Level.values().length) {
            throw in.malformed("level", "no level has the number " + level);
        }
        String text = in.readString("text", maxTextBytes);
        in.expectEnd();
        return new LogLine(Level.values()[level], text);
    }
}
