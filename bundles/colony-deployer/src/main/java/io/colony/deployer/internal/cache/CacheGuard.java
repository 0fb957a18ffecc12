package io.colony.deployer.internal.cache;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Keeps cleaning the cache and deploying apart: any number of deployments at once, or one cleaning,
 * so that a clean never removes a file a deployment has resolved but not installed yet. Fair: a
 * cleaning that waits is not overtaken by later deployments.
 */
public final class CacheGuard {

    private static final int ALL = 1 << 20;

    private final Semaphore permits = new Semaphore(ALL, true);

    /** Waits until no cleaning runs; the caller must {@link #leaveDeployment()} afterwards. */
    public void enterDeployment() throws InterruptedException {
        permits.acquire();
    }

    public void leaveDeployment() {
        permits.release();
    }

    /**
     * Waits until no deployment is in progress, for at most the timeout.
     *
     * @return whether the cleaning may run; then the caller must {@link #leaveCleaning()} afterwards
     */
    public boolean enterCleaning(Duration timeout) throws InterruptedException {
        return permits.tryAcquire(ALL, timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void leaveCleaning() {
        permits.release(ALL);
    }
}
