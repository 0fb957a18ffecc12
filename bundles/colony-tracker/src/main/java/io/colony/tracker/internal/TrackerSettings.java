package io.colony.tracker.internal;

import io.colony.api.config.ConfigurationValues;
import io.colony.api.config.FrameworkOverrides;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * Validated tracker settings, read from the raw configuration properties so that a malformed value
 * is reported with its key instead of being silently coerced.
 */
record TrackerSettings(String bindAddress, int port, Duration ttl, int maxEntries, int maxBodyBytes, int maxConnections) {

    static final int DEFAULT_PORT = 44201;
    static final String DEFAULT_BIND_ADDRESS = "0.0.0.0";
    static final int DEFAULT_TTL_MS = 10_000;
    static final int DEFAULT_MAX_ENTRIES = 10_000;
    static final int DEFAULT_MAX_BODY_BYTES = 65_536;
    static final int DEFAULT_MAX_CONNECTIONS = 10_000;

    static TrackerSettings read(Map<String, ?> properties) {
        return read(properties, key -> null);
    }

    /** @param frameworkProperty the framework's properties, for the launcher's {@code --local} */
    static TrackerSettings read(Map<String, ?> properties, Function<String, String> frameworkProperty) {
        ConfigurationValues values = ConfigurationValues.of(TrackerConfiguration.PID, properties);
        String bindOverride = frameworkProperty.apply(FrameworkOverrides.BIND_ADDRESS);
        String bindAddress = bindOverride != null ? bindOverride.trim() : values.text("bind.address", DEFAULT_BIND_ADDRESS);
        if (!HostAddresses.isValid(bindAddress)) {
            throw values.invalid("bind.address", bindAddress, HostAddresses.RULE);
        }
        return new TrackerSettings(
                bindAddress,
                values.integer("port", DEFAULT_PORT, 0, 65_535),
                Duration.ofMillis(values.integer("ttl.ms", DEFAULT_TTL_MS, 100, 3_600_000)),
                values.integer("max.entries", DEFAULT_MAX_ENTRIES, 1, 1_000_000),
                values.integer("max.body.bytes", DEFAULT_MAX_BODY_BYTES, 1024, 1_048_576),
                values.integer("max.connections", DEFAULT_MAX_CONNECTIONS, 1, 1_000_000));
    }
}
