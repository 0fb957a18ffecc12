package io.colony.http.internal;

import io.colony.api.config.ConfigurationValues;
import io.colony.api.config.FrameworkOverrides;
import io.colony.http.internal.auth.ApiTokens;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Validated settings of the REST API, read from the raw configuration properties so that a malformed
 * value is reported with its key instead of being silently coerced.
 *
 * @param tokenFile the configured token file, or empty for {@code <node data>/api.token}
 */
public record HttpSettings(String bindAddress, int port, int maxBodyBytes, List<String> tokens, String tokenFile,
        boolean authRequired, Set<InetAddress> pcciOpenAddresses, int maxConnections, int maxEventStreams,
        int threads, int queueCapacity) {

    static final int DEFAULT_PORT = 22581;
    static final String DEFAULT_BIND_ADDRESS = "0.0.0.0";
    static final int DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;
    static final int DEFAULT_MAX_CONNECTIONS = 1000;
    static final int DEFAULT_MAX_EVENT_STREAMS = 64;
    static final int DEFAULT_THREADS = 8;
    static final int DEFAULT_QUEUE_CAPACITY = 256;

    static final String HOST_RULE = "must be a host name or IP address (1 to 253 characters of A-Z a-z 0-9 . : % _ -)";
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:%_-]{1,253}");

    public HttpSettings {
        tokens = List.copyOf(tokens);
        pcciOpenAddresses = Set.copyOf(pcciOpenAddresses);
    }

    static HttpSettings read(Map<String, ?> properties) {
        return read(properties, key -> null);
    }

    /** @param frameworkProperty the framework's properties, for the launcher's {@code --http-port} and {@code --local} */
    static HttpSettings read(Map<String, ?> properties, Function<String, String> frameworkProperty) {
        ConfigurationValues values = ConfigurationValues.of(HttpConfiguration.PID, properties);
        String bindOverride = frameworkProperty.apply(FrameworkOverrides.BIND_ADDRESS);
        String bindAddress = bindOverride != null ? bindOverride.trim() : values.text("bind.address", DEFAULT_BIND_ADDRESS);
        if (!HOST.matcher(bindAddress).matches()) {
            throw values.invalid(bindOverride != null ? FrameworkOverrides.BIND_ADDRESS : "bind.address", bindAddress, HOST_RULE);
        }
        String portOverride = frameworkProperty.apply(FrameworkOverrides.HTTP_PORT);
        int port = portOverride != null
                ? values.integer(FrameworkOverrides.HTTP_PORT, portOverride, 0, 65_535, "must be a whole number between 0 and 65535")
                : values.integer("port", DEFAULT_PORT, 0, 65_535);
        return new HttpSettings(
                bindAddress,
                port,
                values.integer("max.body.bytes", DEFAULT_MAX_BODY_BYTES, 1024, 256 * 1024 * 1024),
                tokens(values),
                values.text("token.file", ""),
                values.bool("auth.required", true),
                addresses(values, "pcci.open.addresses"),
                values.integer("max.connections", DEFAULT_MAX_CONNECTIONS, 1, 100_000),
                values.integer("max.event.streams", DEFAULT_MAX_EVENT_STREAMS, 1, 10_000),
                values.integer("threads", DEFAULT_THREADS, 1, 256),
                values.integer("queue.capacity", DEFAULT_QUEUE_CAPACITY, 1, 100_000));
    }

    private static List<String> tokens(ConfigurationValues values) {
        List<String> tokens = list(values, "tokens");
        for (String token : tokens) {
            if (!ApiTokens.isValid(token)) {
                // never echo a secret, even a malformed one, into the log
                throw values.invalid("tokens", "<" + token.length() + " characters>", ApiTokens.RULE);
            }
        }
        return tokens;
    }

    private static Set<InetAddress> addresses(ConfigurationValues values, String key) {
        Set<InetAddress> addresses = new LinkedHashSet<>();
        for (String text : list(values, key)) {
            InetAddress address = NetUtil.createInetAddressFromIpAddressString(text);
            if (address == null) {
                throw values.invalid(key, text, "not an IP address (host names are not resolved)");
            }
            addresses.add(address);
        }
        return addresses;
    }

    /** A comma-separated list (or an array, as typed configurations give it), blanks dropped. */
    private static List<String> list(ConfigurationValues values, String key) {
        List<String> items = new ArrayList<>();
        for (String item : values.text(key, "").split(",")) {
            if (!item.isBlank()) {
                items.add(item.trim());
            }
        }
        return items;
    }
}
