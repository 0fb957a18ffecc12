package io.colony.node.internal;

import io.colony.api.node.Role;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Validated node settings, read from the raw configuration properties (so that a malformed value is
 * reported, not silently coerced) and the launcher's command-line overrides.
 */
record NodeSettings(String configuredId, String clusterName, Set<Role> roles, int httpPort, Map<String, String> userData) {

    static final int DEFAULT_HTTP_PORT = 22581;

    /** Framework property set by the launcher's {@code --roles}. */
    static final String ROLES_OVERRIDE = "colony.roles";

    /** Framework property set by the launcher's {@code --http-port}. */
    static final String HTTP_PORT_OVERRIDE = "colony.http.port";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

    NodeSettings {
        roles = Collections.unmodifiableSet(EnumSet.copyOf(roles));
        userData = Collections.unmodifiableMap(new LinkedHashMap<>(userData));
    }

    /**
     * Reads settings.
     *
     * @param properties the component's configuration properties
     * @param frameworkProperty the framework's properties, for the launcher's overrides
     * @throws InvalidConfigurationException naming the key and the reason
     */
    static NodeSettings read(Map<String, ?> properties, Function<String, String> frameworkProperty) {
        String id = text(properties, "id", "");
        if (!id.isEmpty() && !NAME.matcher(id).matches()) {
            throw invalid("id", id, "use 1 to 63 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        String cluster = text(properties, "cluster.name", "colony");
        if (!NAME.matcher(cluster).matches()) {
            throw invalid("cluster.name", cluster, "use 1 to 63 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        // configured values are checked even when the command line overrides them: a broken file is reported, not hidden
        Set<Role> configuredRoles = roles("roles", text(properties, "roles", "manager,worker"));
        int configuredPort = port("http.port", properties.containsKey("http.port") ? properties.get("http.port") : DEFAULT_HTTP_PORT);
        String rolesOverride = frameworkProperty.apply(ROLES_OVERRIDE);
        Set<Role> roles = rolesOverride == null ? configuredRoles : roles(ROLES_OVERRIDE, rolesOverride);
        String portOverride = frameworkProperty.apply(HTTP_PORT_OVERRIDE);
        int httpPort = portOverride == null ? configuredPort : port(HTTP_PORT_OVERRIDE, portOverride);
        return new NodeSettings(id, cluster, roles, httpPort, userData(text(properties, "user.data", "")));
    }

    private static String text(Map<String, ?> properties, String key, String defaultValue) {
        Object value = properties.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof String[] values) {
            return String.join(",", values);
        }
        if (value instanceof Iterable<?> values) {
            StringJoiner joined = new StringJoiner(",");
            values.forEach(item -> joined.add(String.valueOf(item)));
            return joined.toString();
        }
        return String.valueOf(value).trim();
    }

    private static Set<Role> roles(String key, String value) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : value.split(",")) {
            if (name.isBlank()) {
                continue;
            }
            try {
                roles.add(Role.parse(name));
            } catch (IllegalArgumentException e) {
                throw invalid(key, value, e.getMessage());
            }
        }
        if (roles.isEmpty()) {
            throw invalid(key, value, "a node needs at least one role (manager, worker or tracker)");
        }
        return roles;
    }

    private static int port(String key, Object value) {
        int port;
        if (value instanceof Number number && number.doubleValue() == number.intValue()) {
            port = number.intValue();
        } else {
            try {
                port = Integer.parseInt(String.valueOf(value).trim());
            } catch (NumberFormatException e) {
                throw invalid(key, value, "not a port number (1..65535)");
            }
        }
        if (port < 1 || port > 65535) {
            throw invalid(key, value, "not a port number (1..65535)");
        }
        return port;
    }

    private static Map<String, String> userData(String value) {
        Map<String, String> data = new LinkedHashMap<>();
        for (String pair : value.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw invalid("user.data", value, "entries must be key=value, '" + pair.trim() + "' is not");
            }
            data.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
        }
        return data;
    }

    private static InvalidConfigurationException invalid(String key, Object value, String reason) {
        return new InvalidConfigurationException(NodeConfiguration.PID, key, value, reason);
    }
}
