package io.colony.worker.internal.hardware;

/** One source of the figures in a hardware status; any call may throw when the source cannot read it. */
interface HardwareReadings {

    int physicalCores();

    int logicalCores();

    /** One-minute load average, negative where the operating system has none. */
    double systemLoad();

    /** Share of processor time busy since the previous call, from 0 to 1. */
    double cpuUsage();

    long memoryTotal();

    long memoryAvailable();

    /** Operating system name and version. */
    String os();
}
