package io.colony.manager.internal.store;

import io.colony.api.job.JobStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * A job as stored: its spec as JSON, status, priority, whether its result is kept past the retention period, and its
 * times. Times are stored to the millisecond.
 *
 * @param id the job's id, at most {@value #MAX_ID_LENGTH} characters; a decimal number for jobs the manager creates
 * @param specJson the job's spec as JSON ({@link io.colony.api.job.JobSpecCodec}), or {@link #SPEC_UNCHANGED} in a
 *     record used only for an update
 * @param keepResult true for a job whose result action is "keep": {@link JobStore#purgeFinishedBefore} leaves it
 * @param startedAt null until the job started
 * @param finishedAt null until the job reached a final status
 * @param error null unless the job failed or was killed
 */
public record JobRecord(String id, String specJson, JobStatus status, int priority, boolean keepResult,
        Instant createdAt, Instant startedAt, Instant finishedAt, String error) {

    /** The longest job id the store takes. */
    public static final int MAX_ID_LENGTH = 64;

    /**
     * The spec of a record built only to update a job ({@link JobStore#updateJob}, {@link StoreBatch#jobUpdates()}),
     * which never write the spec; {@link JobStore#insertJob} refuses it.
     */
    public static final String SPEC_UNCHANGED = "";

    public JobRecord {
        requireId(id, "id");
        Objects.requireNonNull(specJson, "specJson");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A new job, QUEUED, not yet started. */
    public static JobRecord queued(String id, String specJson, int priority, boolean keepResult, Instant createdAt) {
        return new JobRecord(id, specJson, JobStatus.QUEUED, priority, keepResult, createdAt, null, null, null);
    }

    /** This job RUNNING since the given time. */
    public JobRecord started(Instant at) {
        return new JobRecord(id, specJson, JobStatus.RUNNING, priority, keepResult, createdAt,
                Objects.requireNonNull(at, "at"), null, null);
    }

    /**
     * This job finished with the given final status at the given time.
     *
     * @param failure why it failed or was killed, or null
     */
    public JobRecord finished(JobStatus finalStatus, Instant at, String failure) {
        if (!finalStatus.isFinal()) {
            throw new IllegalArgumentException("status: " + finalStatus + " is not a final status");
        }
        return new JobRecord(id, specJson, finalStatus, priority, keepResult, createdAt, startedAt,
                Objects.requireNonNull(at, "at"), failure);
    }

    /** Checks a job id: not blank and not longer than the column. */
    static String requireId(String id, String field) {
        Objects.requireNonNull(id, field);
        if (id.isBlank()) {
            throw new IllegalArgumentException(field + ": must not be blank");
        }
        if (id.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException(field + ": at most " + MAX_ID_LENGTH + " characters, was " + id.length());
        }
        return id;
    }

    /** Checks an optional short text against its column's length. */
    static String requireShort(String value, String field, int max) {
        if (value != null && value.length() > max) {
            throw new IllegalArgumentException(field + ": at most " + max + " characters, was " + value.length());
        }
        return value;
    }
}
