package io.colony.manager.internal.store;

import static io.colony.manager.internal.store.TestStores.at;

import io.colony.api.job.JobStatus;
import io.colony.api.job.TaskStatus;
import java.nio.file.Path;
import java.util.List;

/**
 * Run in its own JVM by {@link StoreRestartTest}: writes to the store under the given data directory and halts the
 * JVM right after the last commit, without closing anything or running shutdown hooks, as a kill -9 would.
 */
final class AbruptlyDyingWriter {

    static final int EXIT_CODE = 37;
    static final JobRecord LAST_JOB = TestStores.finishedJob("302", JobStatus.SUCCEEDED, 9, false);

    private AbruptlyDyingWriter() {
    }

    public static void main(String[] args) {
        JobStore store = TestStores.open(Path.of(args[0]));
        store.insertJob(TestStores.job("301", 0).started(at(1)), TestStores.tasks("301", 2));
        store.updateTask(store.findTask("301", 0).orElseThrow().started("w1", at(2)), TaskStatus.QUEUED);
        store.insertJob(LAST_JOB, List.of());
        Runtime.getRuntime().halt(EXIT_CODE);
    }
}
