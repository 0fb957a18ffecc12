package io.colony.sandbox.internal.process;

import io.colony.sandbox.internal.process.protocol.Frame;
import io.colony.sandbox.internal.process.protocol.FrameLimits;
import io.colony.sandbox.internal.process.protocol.FrameReader;
import io.colony.sandbox.internal.process.protocol.FrameWriter;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A running child JVM: frames to its stdin, events from its stdout (read by a thread of the
 * launcher's pool into a bounded queue, so a child that writes faster than the worker reads is
 * held back), the tail of its stderr, and its directory. {@link #close()} kills it by PID, with
 * its descendants, waits until it is reaped and removes its directory.
 */
final class Child implements AutoCloseable {

    private static final FrameLimits NOTHING = type -> -1;
    private static final long KILL_WAIT_SECONDS = 10;
    private static final long STDERR_WAIT_MILLIS = 1000;

    private final Process process;
    private final RunDirectory directory;
    private final long heapBytes;
    private final FrameWriter writer;
    private final StderrTail stderr;
    private final BlockingQueue<ChildEvent> events = new ArrayBlockingQueue<>(16);
    private final Executor streams;
    private volatile FrameLimits limits = NOTHING;
    private volatile boolean closed;

    /** @param streams runs the stream threads of the child: stderr, stdout, and the writing of its request */
    Child(Process process, RunDirectory directory, long heapBytes, int stderrLines, Executor streams) {
        this.process = process;
        this.streams = streams;
        this.directory = directory;
        this.heapBytes = heapBytes;
        this.writer = new FrameWriter(new BufferedOutputStream(process.getOutputStream()));
        this.stderr = new StderrTail(process.getErrorStream(), stderrLines, 1024);
    }

    long pid() {
        return process.pid();
    }

    long heapBytes() {
        return heapBytes;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    void sendHello() throws IOException {
        writer.writeHello();
    }

    /** Sets which frames, up to which length, the child may send from now on. */
    void expect(FrameLimits frameLimits) {
        limits = frameLimits;
    }

    /**
     * Writes a frame on a thread of the stream pool, so that the caller's wait stays bounded by its
     * conversation even when a child does not read (killing the child ends the write). A write that
     * fails needs no report: the child's stdout then ends as well, and the conversation says why.
     */
    void sendInBackground(Frame request) throws IOException {
        try {
            streams.execute(() -> {
                try {
                    writer.write(request);
                } catch (IOException e) {
                    // the child died or was killed; its conversation reports that
                }
            });
        } catch (RejectedExecutionException e) {
            throw new IOException("no thread is free to write to " + this, e);
        }
    }

    /** Starts the threads that drain stderr and read stdout. */
    void startReading() {
        streams.execute(stderr);
        streams.execute(this::readStdout);
    }

    /** The next event, or null when none came within the time. */
    ChildEvent poll(Duration timeout) throws InterruptedException {
        return events.poll(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
    }

    /** Closes the child's stdin, as the worker's death would: the child then ends by itself. */
    void closeInput() throws IOException {
        process.getOutputStream().close();
    }

    /** The CPU time of all the child's threads, when the operating system tells it. */
    Optional<Duration> cpuTime() {
        return process.toHandle().info().totalCpuDuration();
    }

    /** The exit code once the child ended within the time, reaped. */
    OptionalInt awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? OptionalInt.of(process.exitValue()) : OptionalInt.empty();
    }

    /** The child's last stderr lines, waiting a little for the rest of them when it just died. */
    List<String> stderrTail() throws InterruptedException {
        return process.isAlive() ? stderr.linesSoFar() : stderr.lines(STDERR_WAIT_MILLIS);
    }

    /**
     * Kills the child and its descendants by PID and waits until it is reaped.
     *
     * @throws IOException when it was still there after the wait
     */
    void kill() throws IOException {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        try {
            if (!process.waitFor(KILL_WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IOException("child JVM " + pid() + " was still running " + KILL_WAIT_SECONDS + " s after it was killed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for child JVM " + pid() + " to end after it was killed", e);
        }
    }

    /** Kills the child unless it ended, closes its pipes and removes its directory. */
    @Override
    public void close() throws IOException {
        closed = true;
        IOException failure = null;
        try {
            kill();
        } catch (IOException e) {
            failure = e;
        }
        try {
            writer.close();
        } catch (IOException e) {
            // the child is gone; its stdin may already be closed
        }
        try {
            directory.close();
        } catch (IOException e) {
            if (failure == null) {
                failure = new IOException("the directory " + directory + " of child JVM " + pid() + " could not be removed: " + e, e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public String toString() {
        return "child JVM " + pid();
    }

    private void readStdout() {
        FrameReader reader = new FrameReader(new BufferedInputStream(process.getInputStream()), type -> limits.maxBody(type));
        try {
            reader.readHello();
            deliver(new ChildEvent.Hello());
            while (!closed) {
                Optional<Frame> frame = reader.read();
                if (frame.isEmpty()) {
                    break;
                }
                deliver(new ChildEvent.Arrived(frame.get()));
            }
            deliver(new ChildEvent.Ended());
        } catch (EOFException e) {
            deliver(new ChildEvent.Ended());
        } catch (IOException e) {
            deliver(closed ? new ChildEvent.Ended() : new ChildEvent.Broken(e));
        }
    }

    private void deliver(ChildEvent event) {
        try {
            while (!closed) {
                if (events.offer(event, 100, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
