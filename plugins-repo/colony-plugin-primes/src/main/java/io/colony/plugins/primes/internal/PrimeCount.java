package io.colony.plugins.primes.internal;

/** The result of a task or of a whole job: how many primes lie in {@code [from, to]}. */
public record PrimeCount(long from, long to, long count) {
}
