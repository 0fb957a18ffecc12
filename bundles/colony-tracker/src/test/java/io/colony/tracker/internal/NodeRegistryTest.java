package io.colony.tracker.internal;

import static io.colony.tracker.internal.Announcements.node;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.colony.api.node.Role;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NodeRegistryTest {

    private static final Duration TTL = Duration.ofSeconds(10);

    private final FakeClock clock = new FakeClock();
    private final List<String> events = new ArrayList<>();
    private final RegistryListener listener = new RegistryListener() {
        @Override
        public void nodeAppeared(Announcement node) {
            events.add("appeared " + node.id());
        }

        @Override
        public void nodeExpired(Announcement node) {
            events.add("expired " + node.id());
        }
    };

    private NodeRegistry registry(int maxEntries) {
        return new NodeRegistry(clock, TTL, maxEntries, listener);
    }

    private static List<String> ids(List<Announcement> nodes) {
        return nodes.stream().map(Announcement::id).toList();
    }

    @Test
    void announceReplacesThePreviousEntryOfTheSameIdAndCluster() throws Exception {
        NodeRegistry registry = registry(10);
        registry.announce(node("a", "c", "10.0.0.1", 7000, Role.WORKER));
        registry.announce(node("a", "c", "10.0.0.2", 7001, Role.MANAGER));

        Hosts hosts = registry.hosts(Optional.empty());
        assertEquals(List.of(node("a", "c", "10.0.0.2", 7001, Role.MANAGER)), hosts.masters());
        assertEquals(List.of(), hosts.workers());
        assertEquals(1, registry.size());
    }

    @Test
    void sameIdInAnotherClusterIsAnotherNode() throws Exception {
        NodeRegistry registry = registry(10);
        registry.announce(node("a", "c1", Role.WORKER));
        registry.announce(node("a", "c2", Role.WORKER));

        assertEquals(2, registry.hosts(Optional.empty()).workers().size());
    }

    @Test
    void entryExpiresWhenNoAnnouncementCameForTheTtl() throws Exception {
        NodeRegistry registry = registry(10);
        registry.announce(node("a", "c", Role.WORKER));

        clock.advance(TTL.minusMillis(1));
        assertEquals(List.of("a"), ids(registry.hosts(Optional.empty()).workers()));

        clock.advance(Duration.ofMillis(1));
        assertEquals(List.of(), registry.hosts(Optional.empty()).workers());
        assertEquals(0, registry.size());
    }

    @Test
    void renewedAnnouncementKeepsTheEntryAlive() throws Exception {
        NodeRegistry registry = registry(10);
        registry.announce(node("a", "c", Role.WORKER));
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(3));
            registry.announce(node("a", "c", Role.WORKER));
        }
        clock.advance(TTL.minusMillis(1));

        assertEquals(List.of("a"), ids(registry.hosts(Optional.empty()).workers()));
    }

    @Test
    void purgeForgetsOnlyExpiredEntries() throws Exception {
        NodeRegistry registry = registry(10);
        registry.announce(node("old", "c", Role.WORKER));
        clock.advance(Duration.ofSeconds(5));
        registry.announce(node("new", "c", Role.WORKER));
        clock.advance(Duration.ofSeconds(5));

        assertEquals(1, registry.purgeExpired());
        assertEquals(1, registry.size());
        assertEquals(List.of("new"), ids(registry.hosts(Optional.empty()).workers()));
    }

    @Test
    void listenerHearsFirstAppearanceAndExpiryButNotRenewals() throws Exception {
        NodeRegistry registry = registry(10);
        registry.announce(node("a", "c", Role.WORKER));
        clock.advance(Duration.ofSeconds(3));
        registry.announce(node("a", "c", Role.WORKER));
        clock.advance(TTL);
        registry.purgeExpired();
        registry.announce(node("a", "c", Role.WORKER));

        assertEquals(List.of("appeared a", "expired a", "appeared a"), events);
    }

    @Test
    void announcementAfterExpiryButBeforePurgeCountsAsANewAppearance() throws Exception {
        NodeRegistry registry = registry(10);
        registry.announce(node("a", "c", Role.WORKER));
        clock.advance(TTL);
        registry.announce(node("a", "c", Role.WORKER));

        assertEquals(List.of("appeared a", "expired a", "appeared a"), events);
    }

    @Test
    void managersAreMastersWorkersAreWorkersAndNodesWithBothRolesAreInBothLists() throws Exception {
        NodeRegistry registry = registry(10);
        registry.announce(node("m", "c", Role.MANAGER));
        registry.announce(node("w", "c", Role.WORKER));
        registry.announce(node("mw", "c", Role.MANAGER, Role.WORKER));
        registry.announce(node("t", "c", Role.TRACKER));

        Hosts hosts = registry.hosts(Optional.empty());
        assertEquals(List.of("m", "mw"), ids(hosts.masters()));
        assertEquals(List.of("mw", "w"), ids(hosts.workers()));
    }

    @Test
    void listsAreSortedById() throws Exception {
        NodeRegistry registry = registry(10);
        for (String id : List.of("delta", "alpha", "charlie", "bravo")) {
            registry.announce(node(id, "c", Role.WORKER));
        }

        assertEquals(List.of("alpha", "bravo", "charlie", "delta"), ids(registry.hosts(Optional.empty()).workers()));
    }

    @Test
    void clusterFilterKeepsOnlyThatClustersNodes() throws Exception {
        NodeRegistry registry = registry(10);
        registry.announce(node("a", "blue", Role.WORKER, Role.MANAGER));
        registry.announce(node("b", "green", Role.WORKER, Role.MANAGER));

        Hosts blue = registry.hosts(Optional.of("blue"));
        assertEquals(List.of("a"), ids(blue.workers()));
        assertEquals(List.of("a"), ids(blue.masters()));
        assertEquals(List.of(), registry.hosts(Optional.of("red")).workers());
    }

    @Test
    void newNodeBeyondCapacityIsRefusedButKnownNodesMayRenew() throws Exception {
        NodeRegistry registry = registry(2);
        registry.announce(node("a", "c", Role.WORKER));
        registry.announce(node("b", "c", Role.WORKER));

        TrackerFullException full = assertThrows(TrackerFullException.class, () -> registry.announce(node("x", "c", Role.WORKER)));
        assertEquals("tracker full (2 nodes)", full.getMessage());
        registry.announce(node("a", "c", "10.0.0.9", 7000, Role.WORKER));
        assertEquals(2, registry.size());
    }

    @Test
    void expiredEntriesMakeRoomForNewNodes() throws Exception {
        NodeRegistry registry = registry(2);
        registry.announce(node("a", "c", Role.WORKER));
        registry.announce(node("b", "c", Role.WORKER));
        clock.advance(TTL);

        registry.announce(node("x", "c", Role.WORKER));

        assertEquals(List.of("x"), ids(registry.hosts(Optional.empty()).workers()));
        assertEquals(List.of("appeared a", "appeared b"), events.subList(0, 2));
        assertEquals(Set.of("expired a", "expired b"), Set.copyOf(events.subList(2, 4)));
        assertEquals(List.of("appeared x"), events.subList(4, events.size()));
    }
}
