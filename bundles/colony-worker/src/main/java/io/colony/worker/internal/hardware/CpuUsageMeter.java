package io.colony.worker.internal.hardware;

/**
 * CPU usage from the growth of the tick counters between two samples: busy ticks over all ticks.
 * Not thread-safe: one sampling thread feeds it.
 */
final class CpuUsageMeter {

    private CpuTicks previous;
    private double usage;

    /**
     * The share of processor time that was busy since the previous call, from 0 to 1; 0 on the first
     * call, and the previous figure when the counters did not advance or went backwards.
     */
    double next(CpuTicks current) {
        if (previous != null) {
            long busy = current.busy() - previous.busy();
            long idle = current.idle() - previous.idle();
            if (busy >= 0 && idle >= 0 && busy + idle > 0) {
                usage = Math.min(1.0, (double) busy / (busy + idle));
            }
        }
        previous = current;
        return usage;
    }
}
