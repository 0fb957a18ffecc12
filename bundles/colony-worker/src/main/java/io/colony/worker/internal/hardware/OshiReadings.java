package io.colony.worker.internal.hardware;

import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.CentralProcessor.TickType;
import oshi.hardware.GlobalMemory;
import oshi.software.os.OperatingSystem;

/** Hardware figures from OSHI. Not thread-safe: one sampling thread reads it. */
final class OshiReadings implements HardwareReadings {

    private final CentralProcessor processor;
    private final GlobalMemory memory;
    private final OperatingSystem operatingSystem;
    private final CpuUsageMeter cpuUsage = new CpuUsageMeter();

    OshiReadings() {
        SystemInfo system = new SystemInfo();
        this.processor = system.getHardware().getProcessor();
        this.memory = system.getHardware().getMemory();
        this.operatingSystem = system.getOperatingSystem();
    }

    @Override
    public int physicalCores() {
        return processor.getPhysicalProcessorCount();
    }

    @Override
    public int logicalCores() {
        return processor.getLogicalProcessorCount();
    }

    @Override
    public double systemLoad() {
        return processor.getSystemLoadAverage(1)[0];
    }

    @Override
    public double cpuUsage() {
        return cpuUsage.next(ticks(processor.getSystemCpuLoadTicks()));
    }

    static CpuTicks ticks(long[] ticks) {
        long idle = ticks[TickType.IDLE.getIndex()] + ticks[TickType.IOWAIT.getIndex()];
        long all = 0;
        for (long tick : ticks) {
            all += tick;
        }
        return new CpuTicks(all - idle, idle);
    }

    @Override
    public long memoryTotal() {
        return memory.getTotal();
    }

    @Override
    public long memoryAvailable() {
        return memory.getAvailable();
    }

    @Override
    public String os() {
        return (operatingSystem.getFamily() + " " + operatingSystem.getVersionInfo().getVersion()).strip();
    }
}
