package io.colony.worker.internal.remote;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
        id = RemoteTaskConfiguration.PID,
        name = "Colony worker: remote tasks",
        description = "How this worker serves the task attempts that managers send over the cluster transport.")
@interface RemoteTaskConfiguration {

    String PID = "io.colony.worker.remote";

    @AttributeDefinition(name = "Attempts per manager",
            description = "Task attempts one manager may have in flight on this worker, running or waiting; one more is answered"
                    + " FAILED (worker full) instead of being queued. 0 means four times the worker's slots.",
            min = "0", max = "100000")
    int max_attempts_per_peer() default 0;
}
