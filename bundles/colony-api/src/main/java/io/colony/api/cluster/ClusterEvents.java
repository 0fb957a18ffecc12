package io.colony.api.cluster;

/**
 * EventAdmin topics and properties of membership events. A handler registered after a node appeared
 * still receives that node's latest "available" event while it is fresh (within {@link #REPLAY_TTL_SECONDS}).
 */
public final class ClusterEvents {

    public static final String TOPIC_PREFIX = "io/colony/cluster/";
    /** Raised on a manager when a worker joins or comes back. */
    public static final String WORKER_AVAILABLE = TOPIC_PREFIX + "workerAvailable";
    /** Raised on a manager when a worker is lost or withdraws. */
    public static final String WORKER_UNAVAILABLE = TOPIC_PREFIX + "workerUnavailable";
    /** Raised on a worker when a manager joins or comes back. */
    public static final String MANAGER_AVAILABLE = TOPIC_PREFIX + "managerAvailable";
    /** Raised on a worker when a manager is lost. */
    public static final String MANAGER_UNAVAILABLE = TOPIC_PREFIX + "managerUnavailable";

    /** Event property: the node's id (String). */
    public static final String NODE_ID = "node.id";
    /** Event property: its roles (String[] of role labels). */
    public static final String NODE_ROLES = "node.roles";
    /** Event property: the address it was reached at (String). */
    public static final String NODE_HOST = "node.host";
    /** Event property: its transport port (Integer). */
    public static final String NODE_PORT = "node.port";
    /** Event property: why it became unavailable (String), on the unavailable topics. */
    public static final String REASON = "reason";

    /** How long an "available" event is kept for handlers that register later. */
    public static final int REPLAY_TTL_SECONDS = 60;

    private ClusterEvents() {
    }
}
