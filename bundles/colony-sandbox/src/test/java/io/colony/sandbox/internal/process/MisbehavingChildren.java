package io.colony.sandbox.internal.process;

import io.colony.sandbox.internal.process.protocol.Frame;
import io.colony.sandbox.internal.process.protocol.FrameReader;
import io.colony.sandbox.internal.process.protocol.FrameType;
import io.colony.sandbox.internal.process.protocol.FrameWriter;
import io.colony.sandbox.internal.process.protocol.LogLine;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.lang.System.Logger.Level;

/**
 * Main classes of children that answer the hello, take a request and then misbehave as a compromised child could, for tests of
 * what the worker does on its own, whatever a child's guards do or fail to do.
 */
final class MisbehavingChildren {

    private MisbehavingChildren() {
    }

    private static FrameWriter hello() throws IOException {
        FrameReader in = new FrameReader(new FileInputStream(FileDescriptor.in), type -> 1 << 30);
        FrameWriter out = new FrameWriter(new FileOutputStream(FileDescriptor.out));
        in.readHello();
        out.writeHello();
        in.read(); // the request, whatever it is
        return out;
    }

    /** Burns CPU on two threads and never answers. */
    static final class BurnsCpu {
        public static void main(String[] args) throws IOException {
            hello();
            Runnable burn = () -> {
                long n = 0;
                while (true) {
                    n += System.nanoTime() % 7;
                }
            };
            new Thread(burn).start();
            burn.run();
        }
    }

    /** Sleeps and never answers. */
    static final class Silent {
        public static void main(String[] args) throws Exception {
            hello();
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    /** Writes bytes that are not frames. */
    static final class WritesGarbage {
        public static void main(String[] args) throws Exception {
            hello();
            System.out.print("Hello from a child that does not speak the protocol\n");
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    /** Announces a result of 1 GiB and sends nothing of it. */
    static final class AnnouncesAHugeResult {
        public static void main(String[] args) throws Exception {
            hello();
            DataOutputStream out = new DataOutputStream(new FileOutputStream(FileDescriptor.out));
            out.writeByte(FrameType.RESULT.code());
            out.writeInt(1 << 30);
            out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    /** Logs without end, counting nothing. */
    static final class FloodsTheLog {
        public static void main(String[] args) throws Exception {
            FrameWriter out = hello();
            Frame line = new LogLine(Level.INFO, "x".repeat(100)).toFrame();
            while (true) {
                out.write(line);
            }
        }
    }
}
