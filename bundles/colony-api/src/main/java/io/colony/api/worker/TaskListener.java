package io.colony.api.worker;

import io.colony.api.job.TaskSetup;
import java.util.function.DoubleConsumer;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Hears about one task on a worker: its progress, and for a manifest job (topology 2) how the
 * worker made the job's bundles live before the plugin ran. Pass one as the progress consumer of
 * {@link LocalExecutor#run}.
 */
@ConsumerType
public interface TaskListener extends DoubleConsumer {

    /** The manifest's bundles are live and the plugin is about to run; called at most once, from any thread. */
    default void setUp(TaskSetup setup) {
    }
}
