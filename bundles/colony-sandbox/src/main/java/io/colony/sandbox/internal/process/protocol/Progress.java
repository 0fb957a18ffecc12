package io.colony.sandbox.internal.process.protocol;

/** Child to parent: the program's progress, a fraction from 0 to 1. */
public record Progress(double fraction) {

    public Frame toFrame() {
        return new Frame(FrameType.PROGRESS, new BodyWriter().writeDouble(fraction).toByteArray());
    }

    public static Progress from(Frame frame) throws ProtocolException {
        BodyReader in = frame.reader();
        double fraction = in.readDouble("fraction");
        in.expectEnd();
        if (!(fraction >= 0 && fraction <= 1)) {
            throw in.malformed("fraction", fraction + " is not within 0..1");
        }
        return new Progress(fraction);
    }
}
