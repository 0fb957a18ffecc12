package io.colony.sandbox.internal.process.child;

import io.colony.sandbox.internal.process.protocol.CompileRequest;
import io.colony.sandbox.internal.process.protocol.Frame;
import io.colony.sandbox.internal.process.protocol.FrameReader;
import io.colony.sandbox.internal.process.protocol.FrameType;
import io.colony.sandbox.internal.process.protocol.FrameWriter;
import io.colony.sandbox.internal.process.protocol.ProtocolException;
import io.colony.sandbox.internal.process.protocol.RunRequest;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.util.Optional;

/**
 * The main class of a child JVM. It speaks the frame protocol over stdin and stdout, which are its
 * only link to the worker: it answers the worker's hello, takes exactly one request (compile source,
 * or run a program), sends the answer and ends. Nothing else may write to stdout: {@code System.out}
 * is pointed at stderr before anything runs. A child whose stdin ends before its request was a
 * warm child the worker did not need.
 */
public final class ChildMain {

    static final int EXIT_OK = 0;
    static final int EXIT_BROKEN = 2;

    private ChildMain() {
    }

    public static void main(String[] args) {
        FileOutputStream stdout = new FileOutputStream(FileDescriptor.out);
        System.setOut(System.err);
        FrameWriter worker = new FrameWriter(new BufferedOutputStream(stdout, 1 << 16));
        FrameReader requests = new FrameReader(new BufferedInputStream(new FileInputStream(FileDescriptor.in), 1 << 16), ChildMain::maxRequest);
        int exit = serve(requests, worker);
        System.err.flush();
        Runtime.getRuntime().halt(exit);
    }

    private static long maxRequest(FrameType type) {
        switch (type) {
            case COMPILE_REQUEST:
                return CompileRequest.MAX_BYTES;
            case RUN_REQUEST:
                return RunRequest.MAX_BYTES;
            case CANCEL:
                return 0;
            default:
                return -1;
        }
    }

    static int serve(FrameReader in, FrameWriter out) {
        try {
            in.readHello();
            out.writeHello();
            Optional<Frame> request = in.read();
            if (request.isEmpty()) {
                return EXIT_OK;
            }
            Frame frame = request.get();
            switch (frame.type()) {
                case COMPILE_REQUEST:
                    out.write(ChildCompilation.answer(CompileRequest.from(frame), in, out));
                    break;
                case RUN_REQUEST:
                    out.write(ChildRun.answer(RunRequest.from(frame), in, out));
                    break;
                default:
                    throw new ProtocolException("a " + frame.type() + " frame is not a request");
            }
            return EXIT_OK;
        } catch (IOException e) {
            System.err.println("colony sandbox child: " + e.getMessage());
            return EXIT_BROKEN;
        }
    }
}
