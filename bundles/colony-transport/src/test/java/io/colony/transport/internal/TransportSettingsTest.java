package io.colony.transport.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.colony.api.config.InvalidConfigurationException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TransportSettingsTest {

    @Test
    void defaultsListenOnAnyFreePortWithHeartbeatsEverySecondAndA3sTimeout() {
        TransportSettings settings = TransportSettings.defaults();
        assertEquals(0, settings.port());
        assertEquals("0.0.0.0", settings.bindAddress());
        assertEquals(Duration.ofSeconds(1), settings.heartbeatInterval());
        assertEquals(Duration.ofSeconds(3), settings.heartbeatTimeout());
        assertEquals(Duration.ofSeconds(5), settings.handshakeTimeout());
        assertEquals(16 * 1024 * 1024, settings.maxFrameBytes());
    }

    @Test
    void valuesFromACfgFileAreRead() {
        TransportSettings settings = TransportSettings.read(Map.of("port", "7000", "heartbeat.interval.ms", "500",
                "heartbeat.timeout.ms", 2000, "cluster.secret", "ignored here"));
        assertEquals(7000, settings.port());
        assertEquals(Duration.ofMillis(500), settings.heartbeatInterval());
        assertEquals(Duration.ofMillis(2000), settings.heartbeatTimeout());
    }

    @Test
    void malformedValueIsReportedWithPidKeyAndReason() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> TransportSettings.read(Map.of("port", "seventy")));
        assertEquals("io.colony.transport: port = 'seventy': not a whole number", e.getMessage());
    }

    @Test
    void heartbeatTimeoutMustExceedTheInterval() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> TransportSettings.read(Map.of("heartbeat.interval.ms", "1000", "heartbeat.timeout.ms", "1000")));
        assertEquals("io.colony.transport: heartbeat.timeout.ms = '1000': must be longer than heartbeat.interval.ms (1000)", e.getMessage());
    }

    @Test
    void tlsIsOffByDefault() {
        assertEquals(TlsSettings.DISABLED, TransportSettings.defaults().tls());
        assertEquals(TlsSettings.DISABLED, TransportSettings.read(Map.of("tls.enabled", false, "tls.keystore", "ignored.p12")).tls());
    }

    @Test
    void tlsEnabledMustBeTrueOrFalse() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> TransportSettings.read(Map.of("tls.enabled", "yes")));
        assertEquals("io.colony.transport: tls.enabled = 'yes': must be true or false", e.getMessage());
    }

    @Test
    void theLaunchersLocalOverrideBindsToLoopbackWhateverIsConfigured() {
        assertEquals("127.0.0.1", TransportSettings.read(Map.of("bind.address", "0.0.0.0"), Map.of("colony.bind.address", "127.0.0.1")::get).bindAddress());
        assertEquals("0.0.0.0", TransportSettings.read(Map.of(), key -> null).bindAddress());
    }
}
