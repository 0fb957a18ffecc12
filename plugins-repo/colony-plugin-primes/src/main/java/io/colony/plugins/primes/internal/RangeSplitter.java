package io.colony.plugins.primes.internal;

import io.colony.api.plugin.PluginException;
import java.util.ArrayList;
import java.util.List;

/** Cuts a range into contiguous chunks of near-equal width, in ascending order. */
final class RangeSplitter {

    /** Chunks narrower than this are not worth a task of their own. */
    static final long MIN_CHUNK_WIDTH = 1_000;

    private RangeSplitter() {
    }

    /**
     * Up to {@code chunks} ranges that cover {@code range} exactly; fewer when the range is narrow,
     * never none.
     *
     * @throws PluginException when {@code chunks < 1}, or when that many chunks would exceed the
     *     width one task may sieve
     */
    static List<PrimeRange> split(PrimeRange range, int chunks) throws PluginException {
        if (chunks < 1) {
            throw new PluginException("chunks: must be >= 1 (chunks=" + chunks + ")");
        }
        long width = range.width();
        long needed = (width + PrimeRange.MAX_TASK_WIDTH - 1) / PrimeRange.MAX_TASK_WIDTH;
        if (chunks < needed) {
            throw new PluginException("chunks: [" + range.from() + ", " + range.to() + "] holds " + width
                    + " numbers and one task sieves at most " + PrimeRange.MAX_TASK_WIDTH + ", so it needs at least "
                    + needed + " chunks (chunks=" + chunks + ")");
        }
        int count = (int) Math.max(needed, Math.min(chunks, width / MIN_CHUNK_WIDTH));
        long base = width / count;
        long remainder = width % count;
        List<PrimeRange> ranges = new ArrayList<>(count);
        long from = range.from();
        for (int index = 0; index < count; index++) {
            long size = base + (index < remainder ? 1 : 0);
            ranges.add(new PrimeRange(from, from + size - 1));
            from += size;
        }
        return ranges;
    }
}
