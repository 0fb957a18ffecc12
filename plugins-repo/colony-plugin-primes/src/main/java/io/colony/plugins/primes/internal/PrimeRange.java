package io.colony.plugins.primes.internal;

import io.colony.api.plugin.JsonCodec;
import io.colony.api.plugin.Payload;
import io.colony.api.plugin.PluginException;

/** A validated, inclusive range {@code 0 <= from <= to <= MAX_TO}. */
record PrimeRange(long from, long to) {

    /** The largest {@code to} accepted: its square root, the largest base prime, stays small. */
    static final long MAX_TO = 1_000_000_000_000L;

    /** The most numbers one task sieves, so that a task ends in seconds rather than hours. */
    static final long MAX_TASK_WIDTH = 2_000_000_000L;

    PrimeRange {
        if (from < 0 || to < from || to > MAX_TO) {
            throw new IllegalArgumentException("not a valid range: [" + from + ", " + to + "]");
        }
    }

    /** Reads and validates {@code {"from": .., "to": ..}}; the exception names the field at fault. */
    static PrimeRange decode(Payload payload, JsonCodec json) throws PluginException {
        RangeJson input = json.decode(payload, RangeJson.class);
        if (input == null) {
            throw new PluginException("input: must be a JSON object {\"from\": <number>, \"to\": <number>}, got null");
        }
        long from = require(input.from(), "from");
        long to = require(input.to(), "to");
        if (from < 0) {
            throw new PluginException("from: must be >= 0 (from=" + from + ")");
        }
        if (to < from) {
            throw new PluginException("to: must be >= from (from=" + from + ", to=" + to + ")");
        }
        if (to > MAX_TO) {
            throw new PluginException("to: must be <= " + MAX_TO + " (to=" + to + ")");
        }
        return new PrimeRange(from, to);
    }

    /** How many numbers the range holds. */
    long width() {
        return to - from + 1;
    }

    /** Rejects a range too wide for one task. */
    PrimeRange requireTaskSized() throws PluginException {
        if (width() > MAX_TASK_WIDTH) {
            throw new PluginException("to: one task counts at most " + MAX_TASK_WIDTH + " numbers, [" + from + ", " + to
                    + "] holds " + width() + "; submit it as a split job");
        }
        return this;
    }

    RangeJson toJson() {
        return new RangeJson(from, to);
    }

    private static long require(Long value, String field) throws PluginException {
        if (value == null) {
            throw new PluginException(field + ": is required");
        }
        return value;
    }
}
