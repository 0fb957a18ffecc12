package io.colony.discovery.internal.tracker;

import org.osgi.service.log.Logger;

/** Logs that something became unreachable once per outage, and when it is back; repeats go to debug. */
final class OutageLog {

    private final String what;
    private final Logger log;
    private boolean down;

    OutageLog(String what, Logger log) {
        this.what = what;
        this.log = log;
    }

    synchronized void failed(String reason) {
        if (down) {
            log.debug("{} still unreachable: {}", what, reason);
        } else {
            down = true;
            log.warn("{} unreachable: {}; will keep trying", what, reason);
        }
    }

    synchronized void succeeded() {
        if (down) {
            down = false;
            log.info("{} reachable again", what);
        }
    }
}
