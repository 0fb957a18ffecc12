package io.colony.api.plugin;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/** Combines the chunk results of a split workload into the job's result. */
@ConsumerType
public interface Reducer {

    /**
     * Combines chunk results.
     *
     * @param workload the whole job's input, as given to the {@link Splitter}
     * @param results one result per chunk, in the order the splitter returned the chunks
     * @param json JSON helpers
     * @return the job's result
     * @throws PluginException when the results cannot be combined, saying why
     */
    Payload reduce(Payload workload, List<Payload> results, JsonCodec json) throws PluginException;
}
