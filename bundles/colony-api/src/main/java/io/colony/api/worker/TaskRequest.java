package io.colony.api.worker;

import io.colony.api.deploy.Manifest;
import io.colony.api.plugin.Payload;
import io.colony.api.source.SourceCode;
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
 * @param source Java source to compile and run in the node's sandbox instead of a plugin (topology 3), or {@code null};
 *     then {@code plugin} is its entry class
 */
public record TaskRequest(String plugin, String versionRange, Payload input, Duration timeout, Manifest manifest, SourceCode source) {

    /** A request for a plugin the node has (topology 1). */
    public TaskRequest(String plugin, String versionRange, Payload input, Duration timeout) {
        this(plugin, versionRange, input, timeout, null, null);
    }

    /** A request for a plugin the node has (topology 1) or installs from the manifest (topology 2). */
    public TaskRequest(String plugin, String versionRange, Payload input, Duration timeout, Manifest manifest) {
        this(plugin, versionRange, input, timeout, manifest, null);
    }

    /** A request to compile the source and run its entry class in the node's sandbox (topology 3). */
    public static TaskRequest source(SourceCode source, Payload input, Duration timeout) {
        return new TaskRequest(Objects.requireNonNull(source, "source").entryClass(), null, input, timeout, null, source);
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
        if (source != null && (manifest != null || versionRange != null)) {
            throw new IllegalArgumentException("source: a source task has neither a manifest nor a version range");
        }
    }

    /** The same request for exactly this version of the plugin, without the manifest (its bundles are live). */
    public TaskRequest pinnedTo(String version) {
        return new TaskRequest(plugin, "[" + version + "," + version + "]", input, timeout, null, null);
    }
}
