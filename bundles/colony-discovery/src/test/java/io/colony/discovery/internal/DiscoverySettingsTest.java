package io.colony.discovery.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.config.InvalidConfigurationException;
import io.colony.discovery.internal.peers.HostAndPort;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DiscoverySettingsTest {

    private static String failure(Map<String, ?> properties) {
        return assertThrows(InvalidConfigurationException.class, () -> DiscoverySettings.read(properties)).getMessage();
    }

    @Test
    void defaultsWhenNothingIsConfigured() {
        DiscoverySettings settings = DiscoverySettings.read(Map.of());

        assertTrue(settings.mdnsEnabled());
        assertEquals(List.of(), settings.mdnsInterfaces());
        assertEquals(List.of(), settings.peers());
        assertEquals(Optional.empty(), settings.tracker());
        assertEquals(Duration.ofSeconds(3), settings.trackerInterval());
        assertEquals(Duration.ofMillis(500), settings.backoff().min());
        assertEquals(Duration.ofMillis(10_000), settings.backoff().max());
    }

    @Test
    void readsEverySettingFromCfgText() {
        DiscoverySettings settings = DiscoverySettings.read(Map.of(
                "mdns.enabled", "false",
                "mdns.interfaces", "eth0, 10.0.0.5",
                "peers", "node1:7000, [fe80::1]:7001",
                "tracker", "tracker.lan:44201",
                "tracker.interval.ms", "1000",
                "reconnect.backoff.ms", "250..4000"));

        assertEquals(false, settings.mdnsEnabled());
        assertEquals(List.of("eth0", "10.0.0.5"), settings.mdnsInterfaces());
        assertEquals(List.of(new HostAndPort("node1", 7000), new HostAndPort("fe80::1", 7001)), settings.peers());
        assertEquals(Optional.of(new HostAndPort("tracker.lan", 44201)), settings.tracker());
        assertEquals(Duration.ofSeconds(1), settings.trackerInterval());
        assertEquals(Duration.ofMillis(250), settings.backoff().min());
        assertEquals(Duration.ofMillis(4000), settings.backoff().max());
    }

    @Test
    void acceptsTypedValuesAndArrays() {
        DiscoverySettings settings = DiscoverySettings.read(Map.of("mdns.enabled", Boolean.TRUE, "peers", new String[] {"a:1", "b:2"},
                "tracker.interval.ms", 5000, "reconnect.backoff.ms", "800"));

        assertEquals(2, settings.peers().size());
        assertEquals(Duration.ofMillis(800), settings.backoff().min());
        assertEquals(Duration.ofMillis(800), settings.backoff().max());
    }

    @Test
    void badValuesAreReportedWithTheirKey() {
        assertTrue(failure(Map.of("mdns.enabled", "yes")).contains("mdns.enabled = 'yes': must be true or false"));
        assertTrue(failure(Map.of("peers", "node1:7000,node2")).contains("peers = 'node2'"));
        assertTrue(failure(Map.of("tracker", "tracker:99999")).contains("tracker = 'tracker:99999'"));
        assertTrue(failure(Map.of("tracker.interval.ms", "10")).contains("tracker.interval.ms"));
        assertTrue(failure(Map.of("tracker.interval.ms", "soon")).contains("not a whole number"));
        assertTrue(failure(Map.of("reconnect.backoff.ms", "5000..100")).contains("minimum is above the maximum"));
        assertTrue(failure(Map.of("reconnect.backoff.ms", "1..100")).contains("between 50 and 600000"));
        assertTrue(failure(Map.of("reconnect.backoff.ms", "fast")).contains("min..max"));
        assertTrue(failure(Map.of("reconnect.backoff.ms", "1..2..3")).contains("io.colony.discovery: reconnect.backoff.ms"));
    }

    @Test
    void theLaunchersNoMdnsOverrideTurnsMdnsOff() {
        assertEquals(false, DiscoverySettings.read(Map.of("mdns.enabled", "true"), Map.of("colony.mdns", "false")::get).mdnsEnabled());
        assertEquals(true, DiscoverySettings.read(Map.of(), key -> null).mdnsEnabled());
    }
}
