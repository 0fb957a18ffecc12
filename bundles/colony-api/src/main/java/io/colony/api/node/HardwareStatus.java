package io.colony.api.node;

import java.time.Instant;
import java.util.Objects;

/**
 * A node's hardware as last sampled: workers send it with every heartbeat, managers place work by it.
 *
 * @param physicalCores physical processor cores
 * @param logicalCores logical processors (hardware threads)
 * @param systemLoad one-minute load average, or a negative number where the OS has none
 * @param cpuUsage share of all processors busy since the previous sample, from 0 to 1
 * @param memoryTotal physical memory in bytes
 * @param memoryAvailable physical memory available to new work, in bytes
 * @param diskTotal size of the file system holding the node's data directory, in bytes
 * @param diskFree free space on it, in bytes
 * @param os operating system name and version
 * @param jvm Java runtime name and version
 * @param sampledAt when the figures were taken
 */
public record HardwareStatus(int physicalCores, int logicalCores, double systemLoad, double cpuUsage,
        long memoryTotal, long memoryAvailable, long diskTotal, long diskFree, String os, String jvm, Instant sampledAt) {

    public HardwareStatus {
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(jvm, "jvm");
        Objects.requireNonNull(sampledAt, "sampledAt");
    }
}
