package io.colony.worker.internal;

import java.util.Optional;

/** Finds the plugin object that runs a task. */
interface PluginLookup {

    /**
     * The newest plugin of that name whose version is in the range.
     *
     * @throws IllegalArgumentException when the range is not valid OSGi syntax
     */
    Optional<RegisteredPlugin> lookup(String name, String versionRange);

    /** What is there, for "not found" messages: {@code primes 1.0.0, mandelbrot 1.0.0}, or {@code none}. */
    String available();
}
