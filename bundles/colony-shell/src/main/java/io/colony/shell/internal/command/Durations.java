package io.colony.shell.internal.command;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads durations as a user types them: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d}, {@code 1h30m} or ISO-8601 {@code PT30S}. */
final class Durations {

    static final Duration MAX = Duration.ofDays(30);
    private static final Pattern SHORT_FORM = Pattern.compile("(?:\\d{1,9}(?:ms|s|m|h|d))+");
    private static final Pattern PART = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

    private Durations() {
    }

    /** @throws IllegalArgumentException saying which forms are accepted */
    static Duration parse(String text) {
        String trimmed = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        Duration duration;
        if (trimmed.startsWith("p")) {
            try {
                duration = Duration.parse(trimmed.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw notADuration(text);
            }
        } else if (SHORT_FORM.matcher(trimmed).matches()) {
            duration = Duration.ZERO;
            Matcher part = PART.matcher(trimmed);
            while (part.find()) {
                duration = duration.plus(of(Long.parseLong(part.group(1)), part.group(2)));
            }
        } else {
            throw notADuration(text);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("'" + text + "' is not a positive duration");
        }
        if (duration.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("'" + text + "' is longer than the limit of " + HumanFormat.duration(MAX));
        }
        return duration;
    }

    private static Duration of(long amount, String unit) {
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    private static IllegalArgumentException notADuration(String text) {
        return new IllegalArgumentException("'" + text + "' is not a duration (use 500ms, 30s, 5m, 2h or ISO-8601 like PT30S)");
    }
}
