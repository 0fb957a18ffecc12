package io.colony.plugins.primes.internal;

import io.colony.api.plugin.TaskContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Counts primes with a segmented sieve of Eratosthenes over odd numbers only: base primes up to
 * the square root of the range's end, then one segment of {@value #SEGMENT_SIZE} odd numbers at a
 * time, so memory stays fixed however wide the range. Reports progress and checks for cancellation
 * once per segment.
 */
final class SegmentedSieve {

    /** Odd numbers per segment, one byte each: 256 KiB, about the size of an L2 cache. */
    static final int SEGMENT_SIZE = 256 * 1024;

    private SegmentedSieve() {
    }

    /**
     * The number of primes in {@code [from, to]}, for {@code 0 <= from <= to}.
     *
     * @throws java.util.concurrent.CancellationException when the context reports cancellation
     */
    static long countPrimes(long from, long to, TaskContext context) {
        long count = from <= 2 && 2 <= to ? 1 : 0;
        long first = Math.max(3, from % 2 == 0 ? from + 1 : from);
        long last = to % 2 == 0 ? to - 1 : to;
        if (first > last) {
            context.checkCancelled();
            context.progress(1.0);
            return count;
        }
        int[] basePrimes = oddPrimesUpTo(isqrt(last));
        long odds = (last - first) / 2 + 1;
        long segments = (odds + SEGMENT_SIZE - 1) / SEGMENT_SIZE;
        boolean[] composite = new boolean[(int) Math.min(SEGMENT_SIZE, odds)];
        for (long segment = 0; segment < segments; segment++) {
            context.checkCancelled();
            long low = first + 2L * SEGMENT_SIZE * segment;
            int length = (int) Math.min(SEGMENT_SIZE, (last - low) / 2 + 1);
            count += countSegment(low, length, basePrimes, composite);
            context.progress(segment + 1, segments);
        }
        return count;
    }

    /** Sieves the odd numbers {@code low, low + 2, ..., low + 2 * (length - 1)}; {@code low} is odd. */
    private static int countSegment(long low, int length, int[] basePrimes, boolean[] composite) {
        Arrays.fill(composite, 0, length, false);
        long high = low + 2L * (length - 1);
        for (int prime : basePrimes) {
            long square = (long) prime * prime;
            if (square > high) {
                break;
            }
            long multiple = Math.max(square, (low + prime - 1) / prime * prime);
            if (multiple % 2 == 0) {
                multiple += prime;
            }
            for (long index = (multiple - low) / 2; index < length; index += prime) {
                composite[(int) index] = true;
            }
        }
        int primes = 0;
        for (int index = 0; index < length; index++) {
            if (!composite[index]) {
                primes++;
            }
        }
        return primes;
    }

    /** The odd primes up to {@code limit} (at most 10^6 here), by a plain sieve. */
    static int[] oddPrimesUpTo(long limit) {
        int max = Math.toIntExact(limit);
        boolean[] composite = new boolean[max + 1];
        List<Integer> primes = new ArrayList<>();
        for (int candidate = 3; candidate <= max; candidate += 2) {
            if (!composite[candidate]) {
                primes.add(candidate);
                for (long multiple = (long) candidate * candidate; multiple <= max; multiple += 2L * candidate) {
                    composite[(int) multiple] = true;
                }
            }
        }
        return primes.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The largest {@code r} with {@code r * r <= n}. */
    static long isqrt(long n) {
        long root = (long) Math.sqrt((double) n);
        while (root * root > n) {
            root--;
        }
        while ((root + 1) * (root + 1) <= n) {
            root++;
        }
        return root;
    }
}
