package io.colony.api.job;

/** How the manager picks a worker among those that may run a task. */
public enum Strategy {
    /** Each eligible worker in turn. */
    ROUND_ROBIN,
    /** The worker with the lowest reported load per core. */
    LEAST_LOADED,
    /** Prefer the worker that ran this plugin last, so its classes and caches stay warm. */
    PLUGIN_AFFINITY
}
