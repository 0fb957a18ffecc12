package io.colony.tracker.internal;

import io.colony.api.node.Role;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a node said about itself in one {@code POST /announce}, already validated.
 *
 * @param addr where peers reach the node: as announced, or the address the announcement came from
 * @param port the node's transport port
 * @param roles in the order manager, worker, tracker
 * @param userData the operator's data, sorted by key; never holds the keys {@code id}, {@code cluster}, {@code roles}
 */
record Announcement(String id, String cluster, Set<Role> roles, String addr, int port, Map<String, String> userData) {

    Announcement {
        roles = Collections.unmodifiableSet(roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles));
        userData = Collections.unmodifiableSortedMap(new TreeMap<>(userData));
    }

    NodeKey key() {
        return new NodeKey(cluster, id);
    }

    /** Identifies a tracked node: the same id in two clusters is two nodes. */
    record NodeKey(String cluster, String id) {
    }
}
