package io.colony.manager.internal.placement;

import static io.colony.manager.internal.placement.TestMembers.worker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.cluster.Member;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SlotBookTest {

    @Test
    void capacityDefaultsToLogicalCores() {
        SlotBook book = new SlotBook();
        Member m = worker("m").cores(3).build();
        assertEquals(3, book.capacity(m));
        assertTrue(book.tryAcquire(m));
        assertTrue(book.tryAcquire(m));
        assertTrue(book.tryAcquire(m));
        assertFalse(book.tryAcquire(m));
        assertEquals(3, book.inUse("m"));
    }

    @Test
    void workerWithoutHardwareGetsOneSlot() {
        SlotBook book = new SlotBook();
        Member blind = worker("b").noHardware().build();
        assertEquals(1, book.capacity(blind));
        assertTrue(book.tryAcquire(blind));
        assertFalse(book.tryAcquire(blind));
    }

    @Test
    void configuredSlotsOverrideCoresPerBookOrPerWorker() {
        SlotBook book = new SlotBook(2);
        Member m = worker("m").cores(16).build();
        assertEquals(2, book.capacity(m));
        book.configure("m", 5);
        assertEquals(5, book.capacity(m));
        book.configure("m", 0);
        assertEquals(2, book.capacity(m));
        assertThrows(IllegalArgumentException.class, () -> new SlotBook(-1));
        assertThrows(IllegalArgumentException.class, () -> book.configure("m", -1));
    }

    @Test
    void releaseFreesASlotAndReportsDoubleRelease() {
        SlotBook book = new SlotBook(1);
        Member m = worker("m").build();
        assertTrue(book.tryAcquire(m));
        assertFalse(book.hasFree(m));
        assertTrue(book.release("m"));
        assertTrue(book.hasFree(m));
        assertFalse(book.release("m"));
        assertEquals(0, book.inUse("m"));
        assertFalse(book.release("never-seen"));
    }

    @Test
    void forgetFreesEverySlotOfALeavingWorker() {
        SlotBook book = new SlotBook(2);
        Member m = worker("m").build();
        book.tryAcquire(m);
        book.tryAcquire(m);
        book.forget("m");
        assertEquals(0, book.inUse("m"));
        assertFalse(book.release("m"));
    }

    @Test
    void concurrentAcquiresNeverExceedCapacity() throws Exception {
        SlotBook book = new SlotBook();
        Member m = worker("m").cores(3).build();
        int threads = 8;
        int rounds = 2_000;
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicInteger acquired = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    assertTrue(start.await(10, TimeUnit.SECONDS));
                    for (int i = 0; i < rounds; i++) {
                        if (book.tryAcquire(m)) {
                            acquired.incrementAndGet();
                            most.accumulateAndGet(running.incrementAndGet(), Math::max);
                            running.decrementAndGet();
                            assertTrue(book.release("m"));
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }
        assertTrue(most.get() <= 3, "at most 3 at once, saw " + most.get());
        assertTrue(acquired.get() > 0);
        assertEquals(0, book.inUse("m"));
    }

    @Test
    void concurrentAcquiresHandOutExactlyTheCapacity() throws Exception {
        SlotBook book = new SlotBook(5);
        Member m = worker("m").build();
        int threads = 6;
        AtomicInteger won = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    assertTrue(start.await(10, TimeUnit.SECONDS));
                    for (int i = 0; i < 100; i++) {
                        if (book.tryAcquire(m)) {
                            won.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }
        assertEquals(5, won.get());
        assertEquals(5, book.inUse("m"));
    }
}
