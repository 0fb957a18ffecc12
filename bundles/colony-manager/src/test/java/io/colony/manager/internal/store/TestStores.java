package io.colony.manager.internal.store;

import io.colony.api.job.JobStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Records and stores for the store's tests: an H2 file in a test's temporary directory. */
final class TestStores {

    /** A fixed moment the tests count from, so times compare exactly (they are whole milliseconds). */
    static final Instant T0 = Instant.parse("2025-11-23T12:00:00Z");

    private TestStores() {
    }

    /** A store owning an H2 file database under {@code dataDir/jobs/}, with a short query timeout. */
    static JobStore open(Path dataDir) {
        return new JobStore(StoreDataSources.h2File(dataDir), Duration.ofSeconds(5), JobStore.DEFAULT_MAX_RESULT_BYTES);
    }

    static Instant at(long secondsAfterT0) {
        return T0.plusSeconds(secondsAfterT0);
    }

    /** A QUEUED job created at {@code T0 + createdSecond}. */
    static JobRecord job(String id, long createdSecond) {
        return JobRecord.queued(id, "{\"work\":{\"plugin\":\"primes\"},\"id\":\"" + id + "\"}", 0, false,
                at(createdSecond));
    }

    /** A job that finished with the given status at {@code T0 + finishedSecond}. */
    static JobRecord finishedJob(String id, JobStatus status, long finishedSecond, boolean keepResult) {
        JobRecord queued = JobRecord.queued(id, "{}", 0, keepResult, at(finishedSecond - 10));
        return queued.started(at(finishedSecond - 5)).finished(status, at(finishedSecond),
                status == JobStatus.SUCCEEDED ? null : "it " + status.name().toLowerCase());
    }

    /** {@code count} QUEUED tasks with a small input each. */
    static List<TaskRecord> tasks(String jobId, int count) {
        List<TaskRecord> tasks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tasks.add(TaskRecord.queued(jobId, i, null, new byte[] {(byte) i, 1, 2}, "application/octet-stream"));
        }
        return tasks;
    }

    static ResultRecord result(String jobId, int index, String text) {
        return new ResultRecord(jobId, index, text.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "text/plain; charset=utf-8", at(100 + index));
    }
}
