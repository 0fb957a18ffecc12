package io.colony.manager.internal.job;

import java.time.Duration;

/**
 * The manager's settings, checked.
 *
 * @param slots tasks per worker at once; 0 for each worker's own slot count
 * @param prefetchPerSlot tasks sent to a worker beyond its slots, per slot, so it never waits for the next one
 * @param retention how long finished jobs and their results are kept
 * @param maxActiveJobs jobs queued or running at once; beyond, submissions are refused
 */
record ManagerSettings(int slots, int prefetchPerSlot, Duration retention, int maxActiveJobs) {

    ManagerSettings {
        if (slots < 0) {
            throw new IllegalArgumentException("slots: must be 0 (each worker's own) or more, was " + slots);
        }
        if (prefetchPerSlot < 0 || prefetchPerSlot > 64) {
            throw new IllegalArgumentException("prefetch: must be from 0 to 64, was " + prefetchPerSlot);
        }
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention: must be positive, was " + retention);
        }
        if (maxActiveJobs < 1) {
            throw new IllegalArgumentException("jobs.max.active: must be at least 1, was " + maxActiveJobs);
        }
    }

    /** Tasks sent to a worker of that capacity beyond its slots. */
    int prefetch(int capacity) {
        return capacity * prefetchPerSlot;
    }
}
