package io.colony.sandbox.internal.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class BoundedThreadsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final BoundedThreads threads = new BoundedThreads("test pool", 2, 1, Duration.ofMillis(50), Thread::new);

    @Test
    void runsATaskAndGivesItsResult() throws Exception {
        BoundedThreads.Job<String> job = threads.start(() -> "done");
        assertTrue(job.await(WAIT));
        assertEquals("done", job.result());
    }

    @Test
    void givesWhatATaskThrew() throws Exception {
        BoundedThreads.Job<String> job = threads.start(() -> {
            throw new IllegalStateException("broken");
        });
        assertTrue(job.await(WAIT));
        ExecutionException thrown = assertThrows(ExecutionException.class, job::result);
        assertEquals("broken", thrown.getCause().getMessage());
    }

    @Test
    void refusesATaskWhenAllPlacesStayTaken() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        threads.start(() -> release.await(1, java.util.concurrent.TimeUnit.MINUTES));
        threads.start(() -> release.await(1, java.util.concurrent.TimeUnit.MINUTES));
        BusyException refused = assertThrows(BusyException.class, () -> threads.start(() -> "third"));
        assertTrue(refused.getMessage().contains("all 2 places were taken"), refused.getMessage());
        release.countDown();
    }

    @Test
    void anAbandonedTaskFreesItsPlaceAndBlocksNewTasksUntilItEnds() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        BoundedThreads.Job<Boolean> stuck = threads.start(() -> release.await(1, java.util.concurrent.TimeUnit.MINUTES));
        assertFalse(stuck.await(Duration.ofMillis(20)));
        assertTrue(stuck.abandon());
        assertEquals(1, threads.abandoned());
        assertEquals(0, threads.running());

        BusyException refused = assertThrows(BusyException.class, () -> threads.start(() -> "next"));
        assertTrue(refused.getMessage().contains("1 earlier task is still running past its limit"), refused.getMessage());

        release.countDown();
        assertTrue(stuck.await(WAIT));
        assertEquals(0, threads.abandoned());
        BoundedThreads.Job<String> next = threads.start(() -> "next");
        assertTrue(next.await(WAIT));
        assertEquals("next", next.result());
    }

    @Test
    void abandoningAnEndedTaskDoesNothing() throws Exception {
        BoundedThreads.Job<String> job = threads.start(() -> "done");
        assertTrue(job.await(WAIT));
        assertFalse(job.abandon());
        assertEquals(0, threads.abandoned());
    }
}
