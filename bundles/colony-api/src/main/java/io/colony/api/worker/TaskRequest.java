package io.colony.api.worker;

import io.colony.api.plugin.Payload;
import java.time.Duration;
import java.util.Objects;

/**
 * A request to run a plugin.
 *
 * @param plugin the plugin's name
 * @param versionRange an OSGi version range, or {@code null} for the newest version
 * @param input the task's input
 * @param timeout how long the task may run before it is cancelled
 */
public record TaskRequest(String plugin, String versionRange, Payload input, Duration timeout) {

    public TaskRequest {
        if (plugin == null || plugin.isBlank()) {
            throw new IllegalArgumentException("plugin: a plugin name is required");
        }
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout: must be positive, was " + timeout);
        }
    }
}
