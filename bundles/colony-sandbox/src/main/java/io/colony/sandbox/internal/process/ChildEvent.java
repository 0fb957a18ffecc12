package io.colony.sandbox.internal.process;

import io.colony.sandbox.internal.process.protocol.Frame;
import java.io.IOException;

/** What the reader of a child's stdout saw: its hello, a frame, the end of the stream, or something broken. */
interface ChildEvent {

    /** The child answered the hello: it started and speaks this protocol. */
    record Hello() implements ChildEvent {
    }

    record Arrived(Frame frame) implements ChildEvent {
    }

    /** The stream ended between two frames: the child closed stdout or died. */
    record Ended() implements ChildEvent {
    }

    /** The child sent something that is not this protocol, a frame over its limit, or the pipe failed. */
    record Broken(IOException cause) implements ChildEvent {
    }
}
