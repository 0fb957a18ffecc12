package io.colony.sandbox.internal.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Drains a child's stderr to its end, keeping only its last lines (each cut to a length): when a
 * child dies, they usually say why, and a child that writes without end cannot fill the worker's memory.
 */
final class StderrTail implements Runnable {

    private final InputStream stderr;
    private final int maxLines;
    private final int maxLineBytes;
    private final ArrayDeque<String> lines = new ArrayDeque<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private final byte[] line;
    private int lineLength;
    private boolean lineCut;

    StderrTail(InputStream stderr, int maxLines, int maxLineBytes) {
        this.stderr = stderr;
        this.maxLines = maxLines;
        this.maxLineBytes = maxLineBytes;
        this.line = new byte[maxLineBytes];
    }

    @Override
    public void run() {
        byte[] buffer = new byte[8192];
        try (stderr) {
            for (int n; (n = stderr.read(buffer)) >= 0;) {
                for (int i = 0; i < n; i++) {
                    take(buffer[i]);
                }
            }
        } catch (IOException e) {
            // the pipe closes when the child is killed; what was read so far is kept
        } finally {
            if (lineLength > 0 || lineCut) {
                endLine();
            }
            ended.countDown();
        }
    }

    /** The last lines, oldest first, once stderr ended or {@code timeoutMillis} passed. */
    List<String> lines(long timeoutMillis) throws InterruptedException {
        ended.await(timeoutMillis, TimeUnit.MILLISECONDS);
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** The last lines read so far, oldest first. */
    List<String> linesSoFar() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    private void take(byte b) {
        if (b == '\n') {
            endLine();
        } else if (lineLength < maxLineBytes) {
            line[lineLength++] = b;
        } else {
            lineCut = true;
        }
    }

    private void endLine() {
        String text = new String(line, 0, lineLength, StandardCharsets.UTF_8).stripTrailing() + (lineCut ? "…" : "");
        lineLength = 0;
        lineCut = false;
        synchronized (lines) {
            lines.addLast(text);
            while (lines.size() > maxLines) {
                lines.removeFirst();
            }
        }
    }
}
