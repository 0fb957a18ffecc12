package io.colony.manager.internal.json;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them, in job specs and in configuration: {@code 500ms}, {@code 30s}, {@code 5m},
 * {@code 2h}, {@code 1d}, combinations such as {@code 1h30m}, or ISO-8601 such as {@code PT30S}. Units are
 * case-insensitive; white space is not allowed. Whether a duration may be zero, negative or long is for the caller
 * to decide.
 */
public final class Durations {

    private static final Pattern SHORT_FORM = Pattern.compile("(?:\\d+(?:ms|s|m|h|d))+", Pattern.CASE_INSENSITIVE);
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)", Pattern.CASE_INSENSITIVE);
    private static final BigDecimal LONGEST_SECONDS = BigDecimal.valueOf(Long.MAX_VALUE);

    private Durations() {
    }

    /**
     * Reads a duration.
     *
     * @throws IllegalArgumentException saying which forms are accepted, or that the duration does not fit a
     *     {@link Duration}
     */
    public static Duration parse(String text) {
        Objects.requireNonNull(text, "text");
        if (SHORT_FORM.matcher(text).matches()) {
            return shortForm(text);
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw notADuration(text);
        }
    }

    /**
     * The shortest exact form that {@link #parse} reads back: {@code 2h}, {@code 90s}, {@code 1500ms}; ISO-8601 for
     * durations that are negative or not a whole number of milliseconds.
     */
    public static String format(Duration duration) {
        if (duration.isNegative()) {
            return duration.toString();
        }
        if (duration.getNano() == 0) {
            long seconds = duration.getSeconds();
            if (seconds != 0 && seconds % 3600 == 0) {
                return seconds / 3600 + "h";
            }
            return seconds != 0 && seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
        }
        return duration.getNano() % 1_000_000 == 0 ? duration.toMillis() + "ms" : duration.toString();
    }

    /**
     * Seconds, such as a JSON number, as a duration.
     *
     * @throws IllegalArgumentException when more precise than a nanosecond or too long for a {@link Duration}
     */
    static Duration ofSeconds(BigDecimal seconds) {
        if (seconds.abs().compareTo(LONGEST_SECONDS) > 0) {
            throw new IllegalArgumentException("too long a duration");
        }
        BigDecimal nanos = seconds.movePointRight(9).stripTrailingZeros();
        if (nanos.scale() > 0) {
            throw new IllegalArgumentException("more precise than a nanosecond");
        }
        BigDecimal[] wholeAndNanos = nanos.divideAndRemainder(BigDecimal.valueOf(1_000_000_000));
        return Duration.ofSeconds(wholeAndNanos[0].longValueExact(), wholeAndNanos[1].longValueExact());
    }

    private static Duration shortForm(String text) {
        BigDecimal seconds = BigDecimal.ZERO;
        Matcher part = PART.matcher(text);
        while (part.find()) {
            seconds = seconds.add(new BigDecimal(part.group(1)).multiply(secondsPer(part.group(2).toLowerCase(Locale.ROOT))));
        }
        if (seconds.compareTo(LONGEST_SECONDS) > 0) {
            throw new IllegalArgumentException("'" + text + "' is too long a duration");
        }
        return ofSeconds(seconds);
    }

    private static BigDecimal secondsPer(String unit) {
        switch (unit) {
            case "ms":
                return new BigDecimal("0.001");
            case "s":
                return BigDecimal.ONE;
            case "m":
                return BigDecimal.valueOf(60);
            case "h":
                return BigDecimal.valueOf(3600);
            default:
                return BigDecimal.valueOf(86_400);
        }
    }

    private static IllegalArgumentException notADuration(String text) {
        return new IllegalArgumentException("'" + text + "' is not a duration (use 500ms, 30s, 5m, 2h, 1d, 1h30m "
                + "or ISO-8601 such as PT30S)");
    }
}
