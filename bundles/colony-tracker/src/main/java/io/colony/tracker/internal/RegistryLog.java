package io.colony.tracker.internal;

import org.osgi.service.log.Logger;

/** Logs nodes joining and leaving the tracker, once each, not every announcement. */
final class RegistryLog implements RegistryListener {

    private final Logger log;

    RegistryLog(Logger log) {
        this.log = log;
    }

    @Override
    public void nodeAppeared(Announcement node) {
        log.info("Tracker: node {} of cluster {} appeared at {}:{} as {}", node.id(), node.cluster(), node.addr(), node.port(), node.roles());
    }

    @Override
    public void nodeExpired(Announcement node) {
        log.info("Tracker: node {} of cluster {} at {}:{} expired", node.id(), node.cluster(), node.addr(), node.port());
    }
}
