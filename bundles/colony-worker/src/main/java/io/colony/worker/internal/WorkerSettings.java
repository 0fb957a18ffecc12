package io.colony.worker.internal;

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
        int slots = integer(properties, "slots", 0, 0, MAX_SLOTS);
        int queueCapacity = integer(properties, "queue.capacity", DEFAULT_QUEUE_CAPACITY, 1, MAX_QUEUE_CAPACITY);
        return new WorkerSettings(slots == 0 ? availableProcessors : slots, queueCapacity);
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
        return new IllegalArgumentException(WorkerConfiguration.PID + ": " + key + " = '" + value + "': " + reason);
    }
}
