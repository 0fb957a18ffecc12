package io.colony.manager.internal.job;

import io.colony.api.job.Work;
import io.colony.api.plugin.Payload;
import java.time.Duration;

/**
 * One try of one task on one worker.
 *
 * @param number counts from 1 for each task
 */
record Attempt(String jobId, int index, int number, Work work, Payload input, Duration timeout) {

    /** A key that names this attempt among all those in flight. */
    String key() {
        return key(jobId, index, number);
    }

    static String key(String jobId, int index, int number) {
        return jobId + '/' + index + '/' + number;
    }

    @Override
    public String toString() {
        return "task " + index + " of job " + jobId + " (attempt " + number + ")";
    }
}
