package io.colony.worker.internal.remote;

import io.colony.api.config.ConfigurationValues;
import java.time.Duration;
import java.util.Map;

/**
 * Validated settings of the remote task server, read from the raw configuration properties so that
 * a malformed value is reported with its key.
 *
 * @param maxAttemptsPerPeer how many attempts one peer may have in flight here
 * @param guardGrace how long past its timeout an attempt is answered FAILED anyway, should its
 *     executor never end it (the executors time work out themselves: this is a safety net, not configurable)
 * @param receivedDelay how long an attempt runs before the worker tells its manager that it has it
 *     (the manager's "task received"); the outcome of an attempt that ends sooner says it all, which
 *     spares short tasks a message each. Zero tells at once.
 */
record RemoteTaskSettings(int maxAttemptsPerPeer, Duration guardGrace, Duration receivedDelay) {

    static final Duration GUARD_GRACE = Duration.ofSeconds(10);
    static final Duration RECEIVED_DELAY = Duration.ofMillis(20);

    static final String MAX_ATTEMPTS_PER_PEER = "max.attempts.per.peer";
    static final int MAX_ATTEMPTS_LIMIT = 100_000;
    /** With the automatic limit, how many attempts per slot one peer may have in flight. */
    static final int ATTEMPTS_PER_SLOT = 4;

    RemoteTaskSettings {
        if (maxAttemptsPerPeer < 1) {
            throw new IllegalArgumentException("maxAttemptsPerPeer: must be at least 1, was " + maxAttemptsPerPeer);
        }
        if (guardGrace.isNegative()) {
            throw new IllegalArgumentException("guardGrace: must not be negative, was " + guardGrace);
        }
        if (receivedDelay.isNegative()) {
            throw new IllegalArgumentException("receivedDelay: must not be negative, was " + receivedDelay);
        }
    }

    /** Settings that tell the manager at once that an attempt was received. */
    RemoteTaskSettings(int maxAttemptsPerPeer, Duration guardGrace) {
        this(maxAttemptsPerPeer, guardGrace, Duration.ZERO);
    }

    /**
     * @param slots how many tasks the worker runs at once, for the automatic limit
     * @throws io.colony.api.config.InvalidConfigurationException naming the key and the reason
     */
    static RemoteTaskSettings read(Map<String, ?> properties, int slots) {
        ConfigurationValues values = ConfigurationValues.of(RemoteTaskConfiguration.PID, properties);
        int configured = values.integer(MAX_ATTEMPTS_PER_PEER, 0, 0, MAX_ATTEMPTS_LIMIT);
        int maxAttempts = configured == 0 ? Math.min(MAX_ATTEMPTS_LIMIT, ATTEMPTS_PER_SLOT * Math.max(1, slots)) : configured;
        return new RemoteTaskSettings(maxAttempts, GUARD_GRACE, RECEIVED_DELAY);
    }
}
