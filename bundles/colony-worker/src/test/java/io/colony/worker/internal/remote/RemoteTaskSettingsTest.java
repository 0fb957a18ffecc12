package io.colony.worker.internal.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.colony.api.config.InvalidConfigurationException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RemoteTaskSettingsTest {

    @Test
    void defaultLimitIsFourAttemptsPerSlot() {
        assertEquals(24, RemoteTaskSettings.read(Map.of(), 6).maxAttemptsPerPeer());
        assertEquals(24, RemoteTaskSettings.read(Map.of(RemoteTaskSettings.MAX_ATTEMPTS_PER_PEER, "0"), 6).maxAttemptsPerPeer());
    }

    @Test
    void configuredLimitIsTakenAsIs() {
        assertEquals(5, RemoteTaskSettings.read(Map.of("max.attempts.per.peer", 5L), 6).maxAttemptsPerPeer());
        assertEquals(RemoteTaskSettings.GUARD_GRACE, RemoteTaskSettings.read(Map.of(), 6).guardGrace());
    }

    @Test
    void malformedLimitNamesPidKeyAndReason() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> RemoteTaskSettings.read(Map.of("max.attempts.per.peer", "-1"), 6));
        assertEquals("io.colony.worker.remote: max.attempts.per.peer = '-1': must be between 0 and 100000", e.getMessage());
    }
}
