package io.colony.worker.internal.hardware;

/** Fixed figures; a figure set to fail throws as a broken native call would. */
class FakeReadings implements HardwareReadings {

    boolean failing;

    private <T> T value(T value) {
        if (failing) {
            throw new UnsatisfiedLinkError("no native library");
        }
        return value;
    }

    @Override
    public int physicalCores() {
        return value(4);
    }

    @Override
    public int logicalCores() {
        return value(8);
    }

    @Override
    public double systemLoad() {
        return value(1.5);
    }

    @Override
    public double cpuUsage() {
        return value(0.25);
    }

    @Override
    public long memoryTotal() {
        return value(16L << 30);
    }

    @Override
    public long memoryAvailable() {
        return value(6L << 30);
    }

    @Override
    public String os() {
        return value("Ubuntu 24.04");
    }
}
