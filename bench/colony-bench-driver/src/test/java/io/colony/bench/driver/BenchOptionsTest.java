package io.colony.bench.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void defaultsMatchTheHazelcastPeersWorkloads() {
        BenchOptions options = BenchOptions.parse();
        assertEquals(List.of("inflight", "split", "latency", "pool"), options.phases());
        assertEquals(200_000, options.inflightJobs());
        assertEquals(1_000, options.inflightLimit());
        assertEquals(20_000, options.latencySamples());
        assertEquals(5_000, options.poolOps());
        assertEquals(Duration.ofSeconds(50), options.phaseLimit());
        assertTrue(options.durable());
    }

    @Test
    void durableFalseSubmitsInMemoryJobs() {
        assertEquals(false, BenchOptions.parse("durable=false").durable());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("durable=no")).getMessage()
                .contains("durable: 'no' is not true or false"));
    }

    @Test
    void keyValueWordsOverrideDefaults() {
        BenchOptions options = BenchOptions.parse("phases=latency,pool", "latency.samples=10", "phase.seconds=5");
        assertEquals(List.of("latency", "pool"), options.phases());
        assertEquals(10, options.latencySamples());
        assertEquals(Duration.ofSeconds(5), options.phaseLimit());
    }

    @Test
    void badWordsAreRefusedWithTheReason() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("fast")).getMessage()
                .contains("'fast' is not key=value"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("phases=warp")).getMessage()
                .contains("no phase 'warp'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("pool.ops=-3")).getMessage()
                .contains("pool.ops: '-3' is not a positive whole number"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("pool.opz=3")).getMessage()
                .contains("unknown options [pool.opz]"));
    }
}
