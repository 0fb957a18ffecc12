package io.colony.manager.internal.placement;

import io.colony.api.cluster.Member;
import io.colony.api.node.HardwareStatus;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many tasks each worker is running, against how many it may: its capacity is the configured slot count if one is
 * set (for all workers, or for one), otherwise its logical cores, otherwise (no hardware status yet) one. Thread-safe:
 * {@link #tryAcquire} never lets a worker go over its capacity, however many threads place work at once.
 */
public final class SlotBook {

    private final int defaultSlots;
    private final Map<String, Integer> configured = new ConcurrentHashMap<>();
    private final Map<String, Integer> inUse = new ConcurrentHashMap<>();

    /** A book where every worker's capacity is its logical cores. */
    public SlotBook() {
        this(0);
    }

    /**
     * @param defaultSlots slots per worker, or 0 for each worker's logical cores
     */
    public SlotBook(int defaultSlots) {
        if (defaultSlots < 0) {
            throw new IllegalArgumentException("slots must be 0 (one per core) or more, not " + defaultSlots);
        }
        this.defaultSlots = defaultSlots;
    }

    /** Sets one worker's slot count, overriding the default; 0 goes back to the default. */
    public void configure(String memberId, int slots) {
        if (slots < 0) {
            throw new IllegalArgumentException("slots must be 0 (default) or more, not " + slots);
        }
        if (slots == 0) {
            configured.remove(memberId);
        } else {
            configured.put(memberId, slots);
        }
    }

    /** How many tasks the member may run at once. */
    public int capacity(Member member) {
        Integer own = configured.get(member.id());
        if (own != null) {
            return own;
        }
        if (defaultSlots > 0) {
            return defaultSlots;
        }
        return member.hardware().map(HardwareStatus::logicalCores).filter(cores -> cores > 0).orElse(1);
    }

    /** How many of the member's slots are taken. */
    public int inUse(String memberId) {
        return inUse.getOrDefault(memberId, 0);
    }

    /** Whether the member has a slot free right now (another thread may take it before this one does). */
    public boolean hasFree(Member member) {
        return inUse(member.id()) < capacity(member);
    }

    /** Takes one of the member's slots if one is free. */
    public boolean tryAcquire(Member member) {
        int capacity = capacity(member);
        boolean[] taken = {false};
        inUse.compute(member.id(), (id, used) -> {
            int now = used == null ? 0 : used;
            if (now < capacity) {
                taken[0] = true;
                return now + 1;
            }
            return used;
        });
        return taken[0];
    }

    /**
     * Gives back one of the member's slots.
     *
     * @return false when none was taken (released twice, or {@link #forget forgotten} since)
     */
    public boolean release(String memberId) {
        boolean[] released = {false};
        inUse.computeIfPresent(memberId, (id, used) -> {
            released[0] = true;
            return used > 1 ? used - 1 : null;
        });
        return released[0];
    }

    /** Drops a member that left the cluster: its slots are free again and its configured count is kept. */
    public void forget(String memberId) {
        inUse.remove(memberId);
    }
}
