package io.colony.api.plugin;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Cuts a workload into chunks that run as separate tasks. Implemented by the same service object as
 * the {@link Plugin}; each chunk becomes the input of one {@link Plugin#execute} call.
 */
@ConsumerType
public interface Splitter {

    /**
     * Splits a workload.
     *
     * @param workload the whole job's input
     * @param chunks how many chunks Colony asks for (at least 1); a splitter may return fewer when
     *     the workload is too small to cut that finely, never zero
     * @param json JSON helpers
     * @return the chunks, in an order the {@link Reducer} relies on
     * @throws PluginException when the workload is not acceptable, saying why
     */
    List<Payload> split(Payload workload, int chunks, JsonCodec json) throws PluginException;
}
