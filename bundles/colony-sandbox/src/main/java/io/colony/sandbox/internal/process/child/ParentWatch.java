package io.colony.sandbox.internal.process.child;

import io.colony.sandbox.internal.process.protocol.Frame;
import io.colony.sandbox.internal.process.protocol.FrameReader;
import io.colony.sandbox.internal.process.protocol.FrameType;
import io.colony.sandbox.internal.process.protocol.FrameWriter;
import java.io.IOException;
import java.util.Optional;

/**
 * Reads what the worker sends while the child works: a CANCEL frame calls the cancel action and is
 * acknowledged; the end of stdin (the worker died or gave up on this child) or anything unexpected
 * ends the child at once, so that no child outlives its worker.
 */
final class ParentWatch implements Runnable {

    static final int EXIT_PARENT_GONE = 4;

    private final FrameReader in;
    private final FrameWriter out;
    private final Runnable cancel;

    private ParentWatch(FrameReader in, FrameWriter out, Runnable cancel) {
        this.in = in;
        this.out = out;
        this.cancel = cancel;
    }

    static void start(FrameReader in, FrameWriter out, Runnable cancel) {
        Thread thread = new Thread(new ParentWatch(in, out, cancel), "colony-child-parent-watch");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void run() {
        try {
            for (Optional<Frame> frame = in.read(); frame.isPresent(); frame = in.read()) {
                if (frame.get().type() != FrameType.CANCEL) {
                    System.err.println("colony sandbox child: the worker sent a " + frame.get().type() + " frame during a request; ending");
                    break;
                }
                cancel.run();
                out.write(Frame.empty(FrameType.CANCEL_ACK));
            }
        } catch (IOException e) {
            System.err.println("colony sandbox child: reading from the worker failed: " + e.getMessage());
        }
        Runtime.getRuntime().halt(EXIT_PARENT_GONE);
    }
}
