package io.colony.worker.internal.hardware;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import javax.management.JMException;
import javax.management.MBeanServer;

/**
 * The figures the JDK alone can give, for when OSHI cannot: physical cores are not known, so they
 * count as the logical ones. Memory and CPU come from the platform's operating system MBean, read
 * by attribute so that the bundle does not import {@code com.sun.management}.
 */
final class JdkReadings implements HardwareReadings {

    private final OperatingSystemMXBean operatingSystem = ManagementFactory.getOperatingSystemMXBean();

    @Override
    public int physicalCores() {
        return logicalCores();
    }

    @Override
    public int logicalCores() {
        return Runtime.getRuntime().availableProcessors();
    }

    @Override
    public double systemLoad() {
        return operatingSystem.getSystemLoadAverage();
    }

    @Override
    public double cpuUsage() {
        double load = ((Number) attribute("CpuLoad")).doubleValue();
        return load < 0 ? 0 : Math.min(1.0, load);
    }

    @Override
    public long memoryTotal() {
        return ((Number) attribute("TotalMemorySize")).longValue();
    }

    @Override
    public long memoryAvailable() {
        return ((Number) attribute("FreeMemorySize")).longValue();
    }

    @Override
    public String os() {
        return System.getProperty("os.name", "unknown") + " " + System.getProperty("os.version", "");
    }

    private Object attribute(String name) {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            return server.getAttribute(operatingSystem.getObjectName(), name);
        } catch (JMException e) {
            throw new IllegalStateException("the JDK's operating system MBean has no " + name + ": " + e.getMessage(), e);
        }
    }
}
