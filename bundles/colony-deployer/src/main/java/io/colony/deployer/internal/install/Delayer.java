package io.colony.deployer.internal.install;

import java.time.Duration;
import java.util.concurrent.Future;

/** Runs a task later, on a thread of its own: the seam that tests replace with a hand-driven clock. */
@FunctionalInterface
public interface Delayer {

    /** @return cancels the task when it has not run yet */
    Future<?> after(Duration delay, Runnable task);
}
