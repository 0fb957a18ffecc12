package io.colony.manager.internal.job;

/**
 * What a worker can do beyond running the plugins it has, as it offered.
 *
 * @param installsManifests it installs a job's plugin from a manifest (topology 2): it has a deployer
 * @param runsSource it compiles and runs a job's source (topology 3): it has a sandbox
 */
record WorkerCapabilities(boolean installsManifests, boolean runsSource) {

    /** Only the plugins it has. */
    static final WorkerCapabilities PLUGINS_ONLY = new WorkerCapabilities(false, false);
}
