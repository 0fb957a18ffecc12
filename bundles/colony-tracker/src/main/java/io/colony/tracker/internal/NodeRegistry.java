package io.colony.tracker.internal;

import io.colony.api.node.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The nodes the tracker knows: at most {@code maxEntries}, each forgotten {@code ttl} after its last
 * announcement. Expired nodes never appear in answers; they are removed when an answer is computed
 * and by {@link #purgeExpired()}, which the server calls periodically.
 */
final class NodeRegistry {

    private static final Comparator<Announcement> BY_ID = Comparator.comparing(Announcement::id).thenComparing(Announcement::cluster);

    private final Clock clock;
    private final Duration ttl;
    private final int maxEntries;
    private final RegistryListener listener;
    private final Map<Announcement.NodeKey, TrackedNode> nodes = new HashMap<>();

    NodeRegistry(Clock clock, Duration ttl, int maxEntries, RegistryListener listener) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive: " + ttl);
        }
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1: " + maxEntries);
        }
        this.clock = clock;
        this.ttl = ttl;
        this.maxEntries = maxEntries;
        this.listener = listener;
    }

    Duration ttl() {
        return ttl;
    }

    /**
     * Records an announcement, replacing the node's previous one (same id and cluster).
     *
     * @throws TrackerFullException when the node is new and the registry is full of live nodes
     */
    void announce(Announcement announcement) throws TrackerFullException {
        List<Announcement> expired = new ArrayList<>();
        boolean appeared;
        synchronized (this) {
            Instant now = clock.instant();
            Announcement.NodeKey key = announcement.key();
            TrackedNode previous = nodes.get(key);
            if (previous != null && previous.expiredAt(now, ttl)) {
                nodes.remove(key);
                expired.add(previous.announcement());
                previous = null;
            }
            if (previous == null && nodes.size() >= maxEntries) {
                removeExpired(now, expired);
                if (nodes.size() >= maxEntries) {
                    notifyExpired(expired);
                    throw new TrackerFullException(maxEntries);
                }
            }
            nodes.put(key, new TrackedNode(announcement, now));
            appeared = previous == null;
        }
        notifyExpired(expired);
        if (appeared) {
            listener.nodeAppeared(announcement);
        }
    }

    /** Live nodes, of one cluster when {@code cluster} is given. */
    Hosts hosts(Optional<String> cluster) {
        List<Announcement> masters = new ArrayList<>();
        List<Announcement> workers = new ArrayList<>();
        List<Announcement> expired = new ArrayList<>();
        synchronized (this) {
            removeExpired(clock.instant(), expired);
            for (TrackedNode node : nodes.values()) {
                Announcement announcement = node.announcement();
                if (cluster.isPresent() && !cluster.get().equals(announcement.cluster())) {
                    continue;
                }
                if (announcement.roles().contains(Role.MANAGER)) {
                    masters.add(announcement);
                }
                if (announcement.roles().contains(Role.WORKER)) {
                    workers.add(announcement);
                }
            }
        }
        notifyExpired(expired);
        masters.sort(BY_ID);
        workers.sort(BY_ID);
        return new Hosts(masters, workers);
    }

    /** Forgets expired nodes; returns how many. */
    int purgeExpired() {
        List<Announcement> expired = new ArrayList<>();
        synchronized (this) {
            removeExpired(clock.instant(), expired);
        }
        notifyExpired(expired);
        return expired.size();
    }

    synchronized int size() {
        return nodes.size();
    }

    private void removeExpired(Instant now, List<Announcement> expired) {
        for (Iterator<TrackedNode> it = nodes.values().iterator(); it.hasNext();) {
            TrackedNode node = it.next();
            if (node.expiredAt(now, ttl)) {
                it.remove();
                expired.add(node.announcement());
            }
        }
    }

    private void notifyExpired(List<Announcement> expired) {
        for (Announcement node : expired) {
            listener.nodeExpired(node);
        }
    }
}
