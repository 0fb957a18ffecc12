/**
 * Jobs as every client sees them: the job spec, statuses, what a job and its tasks look like, job
 * events, and the manager's Java API ({@link io.colony.api.job.JobService}).
 */
@Export
@Version("1.4.0")
package io.colony.api.job;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
