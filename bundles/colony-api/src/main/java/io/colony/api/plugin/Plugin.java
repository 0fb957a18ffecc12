package io.colony.api.plugin;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A unit of computation that Colony runs as a task. Register it as an OSGi service with the
 * service properties {@link #NAME} and {@link #VERSION}; with Declarative Services:
 *
 * <pre>
 * &#64;Component
 * &#64;ColonyPlugin(name = "primes", version = "1.0.0")
 * public class PrimeCounter implements Plugin { ... }
 * </pre>
 *
 * A plugin that also implements {@link Splitter} and {@link Reducer} can take a whole workload:
 * Colony cuts it into chunks, runs one task per chunk, then combines the chunk results.
 *
 * <p>{@link #execute} runs on a worker thread; it must poll {@link TaskContext#isCancelled()} (or
 * respond to interruption) in long loops, and must not keep state between calls that other tasks
 * could observe: several tasks of the same plugin run concurrently.
 */
@ConsumerType
public interface Plugin {

    /** Service property: the plugin's name, unique per version, e.g. {@code primes}. */
    String NAME = "colony.plugin.name";

    /** Service property: the plugin's version, an OSGi version such as {@code 1.2.0}. */
    String VERSION = "colony.plugin.version";

    /** Service property: a one-line human description, optional. */
    String DESCRIPTION = "colony.plugin.description";

    /**
     * Computes the result of one task.
     *
     * @param input the task's input (a whole value, or one chunk produced by the {@link Splitter})
     * @param context progress, cancellation, logging and JSON helpers for this task
     * @return the result, never {@code null}
     * @throws PluginException when the input is not acceptable or the computation fails; the message
     *     is shown to the user, so it should say what was wrong
     * @throws InterruptedException when the task was cancelled while the plugin was waiting
     */
    Payload execute(Payload input, TaskContext context) throws PluginException, InterruptedException;
}
