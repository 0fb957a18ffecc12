package io.colony.tracker.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrackerSettingsTest {

    @Test
    void defaultsMatchTheDocumentedOnes() {
        assertEquals(new TrackerSettings("0.0.0.0", 44201, Duration.ofSeconds(10), 10_000, 65_536, 10_000), TrackerSettings.read(Map.of()));
    }

    @Test
    void readsValuesGivenAsTextOrNumbers() {
        TrackerSettings settings = TrackerSettings.read(Map.of("port", "0", "bind.address", "127.0.0.1", "ttl.ms", 500L,
                "max.entries", "3", "max.body.bytes", 2048, "max.connections", "7"));
        assertEquals(new TrackerSettings("127.0.0.1", 0, Duration.ofMillis(500), 3, 2048, 7), settings);
    }

    @Test
    void malformedValueNamesPidKeyAndReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrackerSettings.read(Map.of("ttl.ms", "soon")));
        assertEquals("io.colony.tracker: ttl.ms = 'soon': not a whole number", e.getMessage());
    }

    @Test
    void valueOutOfRangeNamesTheRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrackerSettings.read(Map.of("port", 70000)));
        assertEquals("io.colony.tracker: port = '70000': must be between 0 and 65535", e.getMessage());
    }

    @Test
    void bindAddressMustLookLikeAHostOrIp() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrackerSettings.read(Map.of("bind.address", "any where")));
        assertEquals("io.colony.tracker: bind.address = 'any where': " + HostAddresses.RULE, e.getMessage());
    }

    @Test
    void theLaunchersLocalOverrideBindsToLoopbackWhateverIsConfigured() {
        assertEquals("127.0.0.1", TrackerSettings.read(Map.of("bind.address", "0.0.0.0"), Map.of("colony.bind.address", "127.0.0.1")::get).bindAddress());
        assertEquals("0.0.0.0", TrackerSettings.read(Map.of(), key -> null).bindAddress());
    }
}
