package io.colony.bench.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SamplesTest {

    @Test
    void percentilesAreNearestRankInMicroseconds() {
        Samples samples = new Samples(1000);
        for (int i = 1000; i >= 1; i--) {
            samples.add(i * 1000L);
        }
        assertEquals(500.0, samples.percentileMicros(50));
        assertEquals(990.0, samples.percentileMicros(99));
        assertEquals(999.0, samples.percentileMicros(99.9));
        assertEquals(1000.0, samples.percentileMicros(100));
        assertEquals(500.5, samples.meanMicros());
    }

    @Test
    void noSamplesHaveNoPercentile() {
        assertTrue(Double.isNaN(new Samples(3).percentileMicros(50)));
    }

    @Test
    void percentOutsideTheRangeIsRefused() {
        Samples samples = new Samples(1);
        samples.add(1);
        assertThrows(IllegalArgumentException.class, () -> samples.percentileMicros(0));
        assertThrows(IllegalArgumentException.class, () -> samples.percentileMicros(101));
    }
}
