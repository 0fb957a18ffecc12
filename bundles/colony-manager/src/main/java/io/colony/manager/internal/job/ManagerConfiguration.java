package io.colony.manager.internal.job;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
        id = ManagerComponent.PID,
        name = "Colony manager",
        description = "The manager role: accepts jobs, places their tasks on workers, retries and fails over, and keeps "
                + "jobs and results in the job store. A change restarts the manager; unfinished jobs resume.")
@interface ManagerConfiguration {

    @AttributeDefinition(name = "Slots per worker", description = "Tasks one worker runs at once; 0 for each worker's "
            + "own slot count (by default its cores).")
    int slots() default 0;

    @AttributeDefinition(name = "Prefetch per slot", description = "Tasks sent to a worker beyond its slots, per slot, "
            + "so that it starts the next one without waiting for the manager (0 to 64).")
    int prefetch() default 1;

    @AttributeDefinition(name = "Result retention", description = "How long finished jobs and their results are kept, "
            + "as 90s, 30m, 24h, 7d or an ISO-8601 duration; jobs whose result action is keep are exempt.")
    String retention() default "24h";

    @AttributeDefinition(name = "Active jobs", description = "Jobs queued or running at once; beyond, submissions are "
            + "refused (HTTP 503).")
    int jobs_max_active() default 10000;

    @AttributeDefinition(name = "Ended in-memory jobs", description = "Ended jobs that are not durable (\"durable\": false: "
            + "never written to the job store) whose status and result are kept in memory for the retention period; the "
            + "oldest beyond are forgotten. 0 keeps none.")
    int memory_jobs_max() default 10000;

    @AttributeDefinition(name = "Store JDBC URL", description = "Empty for the embedded H2 database under data/jobs; "
            + "otherwise the JDBC URL of an external database such as jdbc:postgresql://db:5432/colony, whose driver "
            + "bundle (registering an OSGi DataSourceFactory) is installed in deploy/.")
    String store_jdbc_url() default "";

    @AttributeDefinition(name = "Store JDBC driver", description = "The driver class of the external database's "
            + "DataSourceFactory.")
    String store_jdbc_driver() default "org.postgresql.Driver";

    @AttributeDefinition(name = "Store user")
    String store_user() default "";

    @AttributeDefinition(name = "Store password", type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
    String store_password() default "";
}
