package io.colony.sandbox.internal.process;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Children started ahead of time, so that a run does not wait for a JVM to start: up to a number of
 * idle children with the heap of the latest run, refilled in the background after each take. A child
 * still runs one task only: it is taken out of the pool and never comes back.
 */
final class WarmChildren implements AutoCloseable {

    private final ChildLauncher launcher;
    private final int count;
    private final Deque<Child> ready = new ArrayDeque<>();
    private final ThreadPoolExecutor refiller;
    private volatile long heapBytes = -1;
    private volatile boolean closed;

    WarmChildren(ChildLauncher launcher, int count) {
        this.launcher = launcher;
        this.count = count;
        this.refiller = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1), runnable -> {
            Thread thread = new Thread(runnable, "colony-sandbox-warm-children");
            thread.setDaemon(true);
            return thread;
        }, new ThreadPoolExecutor.DiscardPolicy());
        this.refiller.allowCoreThreadTimeOut(true);
    }

    /** A started child with that heap: a warm one if there is one, else one started now; then the pool is refilled in the background. */
    Child take(long heap) throws IOException, InterruptedException {
        Child child = takeReady(heap);
        if (child == null) {
            child = launcher.launch(heap);
        }
        if (count > 0) {
            heapBytes = heap;
            refiller.execute(this::refill);
        }
        return child;
    }

    /** How many are ready now. */
    synchronized int ready() {
        return ready.size();
    }

    private Child takeReady(long heap) {
        Child found = null;
        synchronized (this) {
            for (int i = ready.size(); i > 0 && found == null; i--) {
                Child child = ready.pollFirst();
                if (child.isAlive() && child.heapBytes() == heap) {
                    found = child;
                } else if (child.isAlive()) {
                    ready.addLast(child);
                } else {
                    closeQuietly(child);
                }
            }
        }
        return found;
    }

    private void refill() {
        long heap = heapBytes;
        while (!closed) {
            synchronized (this) {
                ready.removeIf(child -> child.heapBytes() != heap && closeQuietly(child));
                if (ready.size() >= count) {
                    return;
                }
            }
            try {
                Child child = launcher.launch(heap);
                synchronized (this) {
                    if (closed) {
                        closeQuietly(child);
                        return;
                    }
                    ready.addLast(child);
                }
            } catch (IOException e) {
                return; // the next run starts its child itself and reports why that fails
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static boolean closeQuietly(Child child) {
        try {
            child.close();
        } catch (IOException e) {
            // an idle child that cannot be killed: nothing more to do than to forget it
        }
        return true;
    }

    @Override
    public void close() {
        closed = true;
        refiller.shutdownNow();
        synchronized (this) {
            ready.forEach(WarmChildren::closeQuietly);
            ready.clear();
        }
    }
}
