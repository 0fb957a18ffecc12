package io.colony.shell.internal.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdminSettingsTest {

    @Test
    void defaultsToAnyPortEightSessionsAndTenSeconds() {
        assertEquals(new AdminSettings(0, 8, Duration.ofSeconds(10), Duration.ofMinutes(60)), AdminSettings.defaults());
    }

    @Test
    void readsNumbersAndNumericText() {
        AdminSettings settings = AdminSettings.read(Map.of("admin.port", "8101", "admin.sessions", 2L, "auth.timeout.seconds", 3,
                "idle.timeout.minutes", " 5 "));
        assertEquals(new AdminSettings(8101, 2, Duration.ofSeconds(3), Duration.ofMinutes(5)), settings);
    }

    @Test
    void namesTheKeyAndTheReasonOfABadValue() {
        assertEquals("io.colony.shell: admin.port = 'eighty': not a whole number",
                assertThrows(IllegalArgumentException.class, () -> AdminSettings.read(Map.of("admin.port", "eighty"))).getMessage());
        assertEquals("io.colony.shell: admin.sessions = '0': must be between 1 and 256",
                assertThrows(IllegalArgumentException.class, () -> AdminSettings.read(Map.of("admin.sessions", 0))).getMessage());
        assertEquals("io.colony.shell: auth.timeout.seconds = '1.5': not a whole number",
                assertThrows(IllegalArgumentException.class, () -> AdminSettings.read(Map.of("auth.timeout.seconds", 1.5))).getMessage());
    }
}
