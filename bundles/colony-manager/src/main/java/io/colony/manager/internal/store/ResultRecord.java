package io.colony.manager.internal.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A stored result: one task's output, or with {@link #JOB_RESULT} as index the job's result. The bytes may be empty
 * (a task that produced no output). The bytes are not copied: treat them as read-only. Equality compares the bytes'
 * contents.
 *
 * @param contentType the bytes' content type, at most {@value TaskRecord#MAX_NAME_LENGTH} characters
 */
public record ResultRecord(String jobId, int taskIndex, byte[] bytes, String contentType, Instant storedAt) {

    /** The task index under which a job's own result is kept. */
    public static final int JOB_RESULT = -1;

    public ResultRecord {
        JobRecord.requireId(jobId, "jobId");
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(contentType, "contentType");
        JobRecord.requireShort(contentType, "contentType", TaskRecord.MAX_NAME_LENGTH);
        Objects.requireNonNull(storedAt, "storedAt");
        if (taskIndex < JOB_RESULT) {
            throw new IllegalArgumentException("taskIndex: must be -1 (the job's result) or more, was " + taskIndex);
        }
    }

    /** Whether this is the job's result rather than one task's. */
    public boolean isJobResult() {
        return taskIndex == JOB_RESULT;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ResultRecord r && jobId.equals(r.jobId) && taskIndex == r.taskIndex
                && Arrays.equals(bytes, r.bytes) && contentType.equals(r.contentType) && storedAt.equals(r.storedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(jobId, taskIndex, Arrays.hashCode(bytes), contentType, storedAt);
    }

    @Override
    public String toString() {
        return "ResultRecord[" + jobId + "#" + taskIndex + ", " + bytes.length + " bytes, " + contentType + ", "
                + storedAt + "]";
    }
}
