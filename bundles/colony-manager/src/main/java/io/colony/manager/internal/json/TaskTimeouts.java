package io.colony.manager.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.colony.api.job.JobRejectedException;
import java.time.Duration;

/**
 * The {@code taskTimeout} field: a duration string ({@link Durations}) or a number of seconds ({@code 30},
 * {@code 1.5}); positive and at most {@link #MAX}.
 */
final class TaskTimeouts {

    /** The longest timeout a job may give its tasks. */
    static final Duration MAX = Duration.ofDays(7);

    private TaskTimeouts() {
    }

    static Duration read(JsonNode value, String path) throws JobRejectedException {
        if (!value.isNumber() && !value.isTextual()) {
            throw JsonValues.wrongType(path, "a duration such as \"30s\" or a number of seconds", value);
        }
        Duration duration;
        try {
            duration = value.isNumber() ? Durations.ofSeconds(value.decimalValue()) : Durations.parse(value.textValue());
        } catch (IllegalArgumentException e) {
            throw JsonValues.invalid(path, value.isNumber() ? e.getMessage() + ", was " + value.asText() : e.getMessage());
        }
        if (duration.isNegative() || duration.isZero()) {
            throw JsonValues.invalid(path, "must be positive, was " + JsonValues.given(value));
        }
        if (duration.compareTo(MAX) > 0) {
            throw JsonValues.invalid(path, "must be at most 7 days (" + Durations.format(MAX) + "), was "
                    + JsonValues.given(value));
        }
        return duration;
    }
}
