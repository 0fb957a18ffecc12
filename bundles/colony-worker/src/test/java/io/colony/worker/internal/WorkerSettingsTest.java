package io.colony.worker.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkerSettingsTest {

    @Test
    void defaultsToOneSlotPerProcessor() {
        assertEquals(new WorkerSettings(6, 1000), WorkerSettings.read(Map.of(), 6));
    }

    @Test
    void readsNumbersGivenAsTextOrNumbers() {
        assertEquals(new WorkerSettings(3, 50), WorkerSettings.read(Map.of("slots", "3", "queue.capacity", 50L), 6));
    }

    @Test
    void malformedValueNamesPidKeyAndReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WorkerSettings.read(Map.of("slots", "many"), 2));
        assertEquals("io.colony.worker: slots = 'many': not a whole number", e.getMessage());
    }

    @Test
    void valueOutOfRangeNamesTheRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WorkerSettings.read(Map.of("queue.capacity", 0), 2));
        assertEquals("io.colony.worker: queue.capacity = '0': must be between 1 and 1000000", e.getMessage());
    }
}
