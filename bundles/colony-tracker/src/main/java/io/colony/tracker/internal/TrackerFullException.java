package io.colony.tracker.internal;

/** The registry holds as many live nodes as it may; a new one is refused until some expire. */
final class TrackerFullException extends Exception {

    private static final long serialVersionUID = 1L;

    TrackerFullException(int maxEntries) {
        super("tracker full (" + maxEntries + " nodes)", null, false, false);
    }
}
