package io.colony.worker.internal.command;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One output stream of a command: keeps its first {@code limit} bytes and counts the rest, which
 * is still read (and dropped) so that the process never blocks on a full pipe. Thread-safe: a
 * reader thread appends while another thread may take the text.
 */
final class BoundedOutput {

    private final int limit;
    private byte[] bytes = new byte[256];
    private int size;
    private long dropped;

    BoundedOutput(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit: must not be negative, was " + limit);
        }
        this.limit = limit;
    }

    /** Reads the stream to its end (or until it fails, as when it is closed under the reader). */
    void drain(InputStream in) {
        byte[] buffer = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                append(buffer, 0, n);
            }
        } catch (IOException e) {
            // The stream was closed: the process is gone, keep what was read.
        }
    }

    synchronized void append(byte[] data, int offset, int length) {
        int kept = Math.min(length, limit - size);
        if (kept > 0) {
            if (size + kept > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.min(limit, Math.max(bytes.length * 2, size + kept)));
            }
            System.arraycopy(data, offset, bytes, size, kept);
            size += kept;
        }
        dropped += length - Math.max(kept, 0);
    }

    synchronized boolean truncated() {
        return dropped > 0;
    }

    synchronized long dropped() {
        return dropped;
    }

    /** The kept bytes as UTF-8, ending with {@code [... N bytes dropped]} when some were dropped. */
    synchronized String text() {
        String text = new String(bytes, 0, size, StandardCharsets.UTF_8);
        if (dropped == 0) {
            return text;
        }
        return text + (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + "[... " + dropped + " bytes dropped]";
    }
}
