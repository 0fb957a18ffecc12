package io.colony.worker.internal;

import io.colony.api.config.ConfigurationValues;
import java.util.Map;

/**
 * Validated worker settings, read from the raw configuration properties so that a malformed value
 * is reported with its key instead of being silently coerced.
 */
record WorkerSettings(int slots, int queueCapacity) {

    static final int DEFAULT_QUEUE_CAPACITY = 1000;
    static final int MAX_SLOTS = 4096;
    static final int MAX_QUEUE_CAPACITY = 1_000_000;

    static WorkerSettings read(Map<String, ?> properties, int availableProcessors) {
        ConfigurationValues values = ConfigurationValues.of(WorkerConfiguration.PID, properties);
        int slots = values.integer("slots", 0, 0, MAX_SLOTS);
        int queueCapacity = values.integer("queue.capacity", DEFAULT_QUEUE_CAPACITY, 1, MAX_QUEUE_CAPACITY);
        return new WorkerSettings(slots == 0 ? availableProcessors : slots, queueCapacity);
    }
}
