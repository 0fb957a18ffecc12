package io.colony.worker.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
        id = WorkerConfiguration.PID,
        name = "Colony worker",
        description = "How many tasks this worker runs at once and how many may wait.")
@interface WorkerConfiguration {

    String PID = "io.colony.worker";

    @AttributeDefinition(description = "Tasks run in parallel; 0 means one per available processor.", min = "0", max = "4096")
    int slots() default 0;

    @AttributeDefinition(name = "Queue capacity", description = "Tasks that may wait for a slot; beyond that a task is rejected.", min = "1", max = "1000000")
    int queue_capacity() default WorkerSettings.DEFAULT_QUEUE_CAPACITY;
}
