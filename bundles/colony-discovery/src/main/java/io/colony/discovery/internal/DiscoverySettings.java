package io.colony.discovery.internal;

import io.colony.api.config.ConfigurationValues;
import io.colony.api.config.FrameworkOverrides;
import io.colony.discovery.internal.peers.Backoff;
import io.colony.discovery.internal.peers.HostAndPort;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Validated discovery settings, read from the raw configuration properties so that a malformed
 * value is reported with its key instead of being silently coerced.
 */
public record DiscoverySettings(boolean mdnsEnabled, List<String> mdnsInterfaces, List<HostAndPort> peers,
        Optional<HostAndPort> tracker, Duration trackerInterval, Backoff backoff) {

    static final int MIN_TRACKER_INTERVAL_MS = 200;
    static final int MAX_TRACKER_INTERVAL_MS = 3_600_000;
    static final long MIN_BACKOFF_MS = 50;
    static final long MAX_BACKOFF_MS = 600_000;

    public DiscoverySettings {
        mdnsInterfaces = List.copyOf(mdnsInterfaces);
        peers = List.copyOf(peers);
    }

    /** Framework property set by the launcher's {@code --local}: {@code false} turns mDNS off whatever the configuration says. */
    static final String MDNS_OVERRIDE = FrameworkOverrides.MDNS;

    /** @throws io.colony.api.config.InvalidConfigurationException naming the key and the reason */
    public static DiscoverySettings read(Map<String, ?> properties) {
        return read(properties, key -> null);
    }

    /**
     * @param frameworkProperty the framework's properties, for the launcher's overrides
     * @throws io.colony.api.config.InvalidConfigurationException naming the key and the reason
     */
    public static DiscoverySettings read(Map<String, ?> properties, Function<String, String> frameworkProperty) {
        ConfigurationValues values = ConfigurationValues.of(DiscoveryConfiguration.PID, properties);
        boolean configured = values.bool("mdns.enabled", true);
        String override = frameworkProperty.apply(MDNS_OVERRIDE);
        boolean mdns = override == null ? configured : ConfigurationValues.of("framework", Map.of(MDNS_OVERRIDE, override)).bool(MDNS_OVERRIDE, true);
        List<String> interfaces = list(values.text("mdns.interfaces", ""));
        List<HostAndPort> peers = new ArrayList<>();
        for (String peer : list(values.text("peers", ""))) {
            peers.add(address(values, "peers", peer));
        }
        String trackerText = values.text("tracker", "");
        Optional<HostAndPort> tracker = trackerText.isEmpty() ? Optional.empty() : Optional.of(address(values, "tracker", trackerText));
        int interval = values.integer("tracker.interval.ms", 3000, MIN_TRACKER_INTERVAL_MS, MAX_TRACKER_INTERVAL_MS);
        Backoff backoff = backoff(values, values.text("reconnect.backoff.ms", "500..10000"));
        return new DiscoverySettings(mdns, interfaces, peers, tracker, Duration.ofMillis(interval), backoff);
    }

    private static List<String> list(String text) {
        List<String> items = new ArrayList<>();
        for (String item : text.split(",")) {
            if (!item.isBlank()) {
                items.add(item.trim());
            }
        }
        return items;
    }

    private static HostAndPort address(ConfigurationValues values, String key, String text) {
        try {
            return HostAndPort.parse(text);
        } catch (IllegalArgumentException e) {
            throw values.invalid(key, text, e.getMessage());
        }
    }

    private static Backoff backoff(ConfigurationValues values, String text) {
        String[] bounds = text.split("\\.\\.", -1);
        if (bounds.length > 2) {
            throw values.invalid("reconnect.backoff.ms", text, "expected min..max or one number of milliseconds");
        }
        long min = millis(values, text, bounds[0]);
        long max = bounds.length == 2 ? millis(values, text, bounds[1]) : min;
        if (min > max) {
            throw values.invalid("reconnect.backoff.ms", text, "the minimum is above the maximum");
        }
        return new Backoff(Duration.ofMillis(min), Duration.ofMillis(max));
    }

    private static long millis(ConfigurationValues values, String whole, String bound) {
        long millis;
        try {
            millis = Long.parseLong(bound.trim());
        } catch (NumberFormatException e) {
            throw values.invalid("reconnect.backoff.ms", whole, "expected min..max or one number of milliseconds");
        }
        if (millis < MIN_BACKOFF_MS || millis > MAX_BACKOFF_MS) {
            throw values.invalid("reconnect.backoff.ms", whole, "each bound must be between " + MIN_BACKOFF_MS + " and " + MAX_BACKOFF_MS);
        }
        return millis;
    }
}
