package io.colony.tracker.internal;

import io.colony.api.node.Role;
import java.util.Map;
import java.util.Set;

/** Announcements for tests. */
final class Announcements {

    private Announcements() {
    }

    static Announcement node(String id, String cluster, Role... roles) {
        return new Announcement(id, cluster, Set.of(roles), "10.0.0.1", 7000, Map.of());
    }

    static Announcement node(String id, String cluster, String addr, int port, Role... roles) {
        return new Announcement(id, cluster, Set.of(roles), addr, port, Map.of());
    }
}
