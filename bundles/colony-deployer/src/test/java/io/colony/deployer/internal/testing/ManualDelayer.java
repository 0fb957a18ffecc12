package io.colony.deployer.internal.testing;

import io.colony.deployer.internal.install.Delayer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/** A clock the test moves: delayed tasks run when it passes their time. */
public final class ManualDelayer implements Delayer {

    private record Pending(long due, FutureTask<Void> task) {
    }

    private final List<Pending> pending = new ArrayList<>();
    private long now;

    @Override
    public synchronized Future<?> after(Duration delay, Runnable task) {
        FutureTask<Void> future = new FutureTask<>(task, null);
        pending.add(new Pending(now + delay.toMillis(), future));
        return future;
    }

    /** Moves the clock and runs the tasks that are due, in order. */
    public void advance(Duration duration) {
        List<FutureTask<Void>> due = new ArrayList<>();
        synchronized (this) {
            now += duration.toMillis();
            pending.sort((a, b) -> Long.compare(a.due(), b.due()));
            while (!pending.isEmpty() && pending.get(0).due() <= now) {
                due.add(pending.remove(0).task());
            }
        }
        due.forEach(FutureTask::run);
    }

    public synchronized int pending() {
        return pending.size();
    }
}
