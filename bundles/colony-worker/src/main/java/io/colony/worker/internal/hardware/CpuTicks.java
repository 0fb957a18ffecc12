package io.colony.worker.internal.hardware;

/**
 * Cumulative processor time since boot, summed over all processors, in the operating system's ticks.
 *
 * @param busy time spent running something (user, nice, system, interrupts, steal)
 * @param idle time spent idle, including waiting for I/O
 */
record CpuTicks(long busy, long idle) {
}
