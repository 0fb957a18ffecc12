package io.colony.tracker.internal;

/** Told when a node joins the registry and when it leaves it; never about a mere renewal. Called outside the registry's lock. */
interface RegistryListener {

    void nodeAppeared(Announcement node);

    void nodeExpired(Announcement node);
}
