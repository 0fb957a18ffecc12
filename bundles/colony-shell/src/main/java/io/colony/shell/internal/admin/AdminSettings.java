package io.colony.shell.internal.admin;

import java.time.Duration;
import java.util.Map;

/**
 * Validated admin channel settings, read from the raw configuration properties so that a malformed
 * value is reported with its key instead of being silently coerced.
 */
public record AdminSettings(int port, int sessions, Duration authTimeout, Duration idleTimeout) {

    static final int DEFAULT_PORT = 0;
    static final int DEFAULT_SESSIONS = 8;
    static final int DEFAULT_AUTH_TIMEOUT_SECONDS = 10;
    static final int DEFAULT_IDLE_TIMEOUT_MINUTES = 60;

    public static AdminSettings defaults() {
        return read(Map.of());
    }

    /** @throws IllegalArgumentException naming the PID, the key and the reason */
    public static AdminSettings read(Map<String, ?> properties) {
        int port = integer(properties, "admin.port", DEFAULT_PORT, 0, 65535);
        int sessions = integer(properties, "admin.sessions", DEFAULT_SESSIONS, 1, 256);
        int authSeconds = integer(properties, "auth.timeout.seconds", DEFAULT_AUTH_TIMEOUT_SECONDS, 1, 300);
        int idleMinutes = integer(properties, "idle.timeout.minutes", DEFAULT_IDLE_TIMEOUT_MINUTES, 1, 10080);
        return new AdminSettings(port, sessions, Duration.ofSeconds(authSeconds), Duration.ofMinutes(idleMinutes));
    }

    private static int integer(Map<String, ?> properties, String key, int defaultValue, int min, int max) {
        Object value = properties.get(key);
        if (value == null) {
            return defaultValue;
        }
        long number;
        if (value instanceof Number n && n.doubleValue() == n.longValue()) {
            number = n.longValue();
        } else {
            try {
                number = Long.parseLong(String.valueOf(value).trim());
            } catch (NumberFormatException e) {
                throw invalid(key, value, "not a whole number");
            }
        }
        if (number < min || number > max) {
            throw invalid(key, value, "must be between " + min + " and " + max);
        }
        return (int) number;
    }

    private static IllegalArgumentException invalid(String key, Object value, String reason) {
        return new IllegalArgumentException(AdminChannelConfiguration.PID + ": " + key + " = '" + value + "': " + reason);
    }
}
