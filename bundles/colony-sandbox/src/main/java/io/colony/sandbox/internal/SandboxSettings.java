package io.colony.sandbox.internal;

import io.colony.api.config.ConfigurationValues;
import io.colony.sandbox.internal.runtime.LimitMessages;
import java.time.Duration;
import java.util.Map;

/**
 * Validated settings of the source sandbox, read from the raw configuration properties so that a malformed value
 * is reported with its key instead of being silently coerced.
 *
 * @param inProcessThreads runs in the worker's JVM at once
 * @param abandonedMax overrunning threads that could not be stopped, past which new work is refused
 */
public record SandboxSettings(int cacheEntries, Duration compileTimeLimit, int compileThreads, int inProcessThreads, int abandonedMax) {

    static final int DEFAULT_CACHE_ENTRIES = 256;
    static final int DEFAULT_COMPILE_SECONDS = 30;
    static final int DEFAULT_COMPILE_THREADS = 2;
    static final int DEFAULT_ABANDONED_MAX = 4;

    /** The defaults, with one in-process run per available processor. */
    public static SandboxSettings defaults() {
        return read(Map.of());
    }

    /** @throws io.colony.api.config.InvalidConfigurationException naming the key, the value and the reason */
    public static SandboxSettings read(Map<String, ?> properties) {
        ConfigurationValues values = ConfigurationValues.of(SandboxConfiguration.PID, properties);
        int threads = values.integer(LimitMessages.IN_PROCESS_THREADS_KEY, 0, 0, 4096);
        return new SandboxSettings(
                values.integer(LimitMessages.CACHE_ENTRIES_KEY, DEFAULT_CACHE_ENTRIES, 1, 100_000),
                Duration.ofSeconds(values.integer(LimitMessages.COMPILE_SECONDS_KEY, DEFAULT_COMPILE_SECONDS, 1, 3600)),
                values.integer(LimitMessages.COMPILE_THREADS_KEY, DEFAULT_COMPILE_THREADS, 1, 64),
                threads == 0 ? Runtime.getRuntime().availableProcessors() : threads,
                values.integer(LimitMessages.ABANDONED_MAX_KEY, DEFAULT_ABANDONED_MAX, 1, 1000));
    }
}
