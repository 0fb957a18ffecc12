package io.colony.tracker.internal;

import java.time.Duration;
import java.time.Instant;

/** A node's latest announcement and when it came. */
record TrackedNode(Announcement announcement, Instant lastSeen) {

    /** True once no announcement came for {@code ttl}. */
    boolean expiredAt(Instant now, Duration ttl) {
        return !now.isBefore(lastSeen.plus(ttl));
    }
}
