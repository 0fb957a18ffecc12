package io.colony.tracker.internal;

import java.util.List;

/** The answer to {@code /hostsAvailable}: live nodes with the manager role and with the worker role, each sorted by id. */
record Hosts(List<Announcement> masters, List<Announcement> workers) {

    Hosts {
        masters = List.copyOf(masters);
        workers = List.copyOf(workers);
    }
}
