package io.colony.api.cluster;

/** Where a known node stands. */
public enum MemberState {
    /** Connected, heartbeats arriving, taking work. */
    AVAILABLE,
    /** Connected and alive, but it took itself out of the available list. */
    WITHDRAWN,
    /** Its heartbeats stopped or its connection was lost. */
    UNAVAILABLE
}
