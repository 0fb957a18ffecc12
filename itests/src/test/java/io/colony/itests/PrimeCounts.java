package io.colony.itests;

/**
 * The expected answers of the primes plugin, computed here by another method than the plugin's sieve
 * (the Lucy_Hedgehog form of Legendre's prime-counting recurrence, in O(n^3/4) steps: milliseconds
 * for n = 10^10), so that a job's result is checked against an independent computation and the
 * tests stay cheap however wide their ranges.
 */
final class PrimeCounts {

    private PrimeCounts() {
    }

    /** How many primes lie in {@code [from, to]}, for {@code 0 <= from <= to}. */
    static long inRange(long from, long to) {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("not a range: [" + from + ", " + to + "]");
        }
        return upTo(to) - (from == 0 ? 0 : upTo(from - 1));
    }

    /** pi(n): how many primes are at most {@code n}. */
    static long upTo(long n) {
        if (n < 2) {
            return 0;
        }
        int root = (int) isqrt(n);
        // small[v] = count for v (v <= root); large[i] = count for n / i (i <= root). Initially every number >= 2.
        long[] small = new long[root + 1];
        long[] large = new long[root + 1];
        for (int v = 1; v <= root; v++) {
            small[v] = v - 1;
            large[v] = n / v - 1;
        }
        for (int p = 2; p <= root; p++) {
            if (small[p] == small[p - 1]) {
                continue; // p is not prime
            }
            long below = small[p - 1];
            long square = (long) p * p;
            long end = Math.min(root, n / square);
            for (int i = 1; i <= end; i++) {
                long d = (long) i * p;
                long quotientCount = d <= root ? large[(int) d] : small[(int) (n / d)];
                large[i] -= quotientCount - below;
            }
            for (int v = root; v >= square; v--) {
                small[v] -= small[v / p] - below;
            }
        }
        return large[1];
    }

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

    /** Checks this class against published values of pi(n) and a plain sieve, before a test trusts it. */
    static void selfCheck() {
        long[][] known = {{1, 0}, {2, 1}, {10, 4}, {100, 25}, {10_000, 1_229}, {1_000_000, 78_498},
            {400_000_000L, 21_336_326L}, {1_000_000_000L, 50_847_534L}, {10_000_000_000L, 455_052_511L}};
        for (long[] pair : known) {
            if (upTo(pair[0]) != pair[1]) {
                throw new AssertionError("pi(" + pair[0] + ") is " + pair[1] + ", PrimeCounts says " + upTo(pair[0]));
            }
        }
        int limit = 200_000;
        boolean[] composite = new boolean[limit + 1];
        long count = 0;
        for (int i = 2; i <= limit; i++) {
            if (!composite[i]) {
                count++;
                for (long j = (long) i * i; j <= limit; j += i) {
                    composite[(int) j] = true;
                }
            }
            if (i % 997 == 0 && upTo(i) != count) {
                throw new AssertionError("pi(" + i + ") is " + count + " by a sieve, PrimeCounts says " + upTo(i));
            }
        }
    }
}
