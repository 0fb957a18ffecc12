package io.colony.deployer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.colony.api.config.InvalidConfigurationException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeployerSettingsTest {

    @Test
    void defaults() {
        DeployerSettings settings = DeployerSettings.read(Map.of());
        assertEquals(Duration.ofSeconds(5), settings.uninstallDelay());
        assertEquals(Duration.ofSeconds(10), settings.connectTimeout());
        assertEquals(Duration.ofSeconds(60), settings.requestTimeout());
    }

    @Test
    void readsValuesAsConfigAdminDeliversThem() {
        DeployerSettings settings = DeployerSettings.read(Map.of("uninstall.delay.ms", "0", "connect.timeout.ms", 2500, "request.timeout.ms", "9000"));
        assertEquals(Duration.ZERO, settings.uninstallDelay());
        assertEquals(Duration.ofMillis(2500), settings.resolver().connectTimeout());
        assertEquals(Duration.ofSeconds(9), settings.resolver().requestTimeout());
    }

    @Test
    void aBadValueNamesPidKeyAndReason() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> DeployerSettings.read(Map.of("uninstall.delay.ms", "soon")));
        assertEquals("io.colony.deployer: uninstall.delay.ms = 'soon': not a whole number", e.getMessage());
        e = assertThrows(InvalidConfigurationException.class, () -> DeployerSettings.read(Map.of("connect.timeout.ms", "10")));
        assertEquals("io.colony.deployer: connect.timeout.ms = '10': must be between 100 and 600000", e.getMessage());
    }
}
