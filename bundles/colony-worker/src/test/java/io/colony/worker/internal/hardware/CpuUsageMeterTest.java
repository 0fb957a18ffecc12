package io.colony.worker.internal.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CpuUsageMeterTest {

    private final CpuUsageMeter meter = new CpuUsageMeter();

    @Test
    void countsIdleAndIoWaitAsIdleAndEverythingElseAsBusy() {
        // OSHI's order: user, nice, system, idle, iowait, irq, softirq, steal
        assertEquals(new CpuTicks(19, 84), OshiReadings.ticks(new long[] {10, 1, 5, 80, 4, 1, 1, 1}));
    }

    @Test
    void firstSampleHasNothingToCompareWith() {
        assertEquals(0.0, meter.next(new CpuTicks(5_000, 15_000)));
    }

    @Test
    void usageIsTheBusyShareOfTheTicksBetweenSamples() {
        meter.next(new CpuTicks(5_000, 15_000));
        assertEquals(0.25, meter.next(new CpuTicks(5_100, 15_300)), 1e-9);
        assertEquals(1.0, meter.next(new CpuTicks(5_200, 15_300)), 1e-9);
        assertEquals(0.0, meter.next(new CpuTicks(5_200, 15_400)), 1e-9);
    }

    @Test
    void keepsThePreviousFigureWhenTheCountersStandStillOrGoBack() {
        meter.next(new CpuTicks(100, 100));
        assertEquals(0.5, meter.next(new CpuTicks(150, 150)), 1e-9);
        assertEquals(0.5, meter.next(new CpuTicks(150, 150)), 1e-9);
        assertEquals(0.5, meter.next(new CpuTicks(10, 10)), 1e-9);
        assertEquals(0.75, meter.next(new CpuTicks(40, 20)), 1e-9);
    }
}
