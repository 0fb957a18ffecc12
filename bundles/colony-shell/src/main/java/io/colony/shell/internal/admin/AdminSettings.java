package io.colony.shell.internal.admin;

import io.colony.api.config.ConfigurationValues;
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
        ConfigurationValues values = ConfigurationValues.of(AdminChannelConfiguration.PID, properties);
        int port = values.integer("admin.port", DEFAULT_PORT, 0, 65535);
        int sessions = values.integer("admin.sessions", DEFAULT_SESSIONS, 1, 256);
        int authSeconds = values.integer("auth.timeout.seconds", DEFAULT_AUTH_TIMEOUT_SECONDS, 1, 300);
        int idleMinutes = values.integer("idle.timeout.minutes", DEFAULT_IDLE_TIMEOUT_MINUTES, 1, 10080);
        return new AdminSettings(port, sessions, Duration.ofSeconds(authSeconds), Duration.ofMinutes(idleMinutes));
    }
}
