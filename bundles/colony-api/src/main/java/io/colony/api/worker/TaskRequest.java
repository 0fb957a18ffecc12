package io.colony.api.worker;

import io.colony.api.deploy.Manifest;
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
 * @param manifest where the worker gets the plugin's bundles (topology 2), or {@code null} to use the plugins it has
 */
public record TaskRequest(String plugin, String versionRange, Payload input, Duration timeout, Manifest manifest) {

    /** A request for a plugin the node has (topology 1). */
    public TaskRequest(String plugin, String versionRange, Payload input, Duration timeout) {
        this(plugin, versionRange, input, timeout, null);
    }

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

    /** The same request for exactly this version of the plugin, without the manifest (its bundles are live). */
    public TaskRequest pinnedTo(String version) {
        return new TaskRequest(plugin, "[" + version + "," + version + "]", input, timeout, null);
    }
}
