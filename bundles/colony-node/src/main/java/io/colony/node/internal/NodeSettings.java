package io.colony.node.internal;

import io.colony.api.config.ConfigurationValues;
import io.colony.api.config.FrameworkOverrides;
import io.colony.api.config.InvalidConfigurationException;
import io.colony.api.node.Role;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Validated node settings, read from the raw configuration properties (so that a malformed value is
 * reported, not silently coerced) and the launcher's command-line overrides.
 */
record NodeSettings(String configuredId, String clusterName, Set<Role> roles, int httpPort, Map<String, String> userData) {

    static final int DEFAULT_HTTP_PORT = 22581;

    /** Framework property set by the launcher's {@code --roles}. */
    static final String ROLES_OVERRIDE = FrameworkOverrides.ROLES;

    /** Framework property set by the launcher's {@code --http-port}. */
    static final String HTTP_PORT_OVERRIDE = FrameworkOverrides.HTTP_PORT;

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
        ConfigurationValues values = ConfigurationValues.of(NodeConfiguration.PID, properties);
        String id = values.text("id", "");
        if (!id.isEmpty() && !NAME.matcher(id).matches()) {
            throw values.invalid("id", id, "use 1 to 63 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        String cluster = values.text("cluster.name", "colony");
        if (!NAME.matcher(cluster).matches()) {
            throw values.invalid("cluster.name", cluster, "use 1 to 63 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        // configured values are checked even when the command line overrides them: a broken file is reported, not hidden
        Set<Role> configuredRoles = roles(values, "roles", values.text("roles", "manager,worker"));
        Object portValue = values.value("http.port");
        int configuredPort = portValue == null ? DEFAULT_HTTP_PORT : port(values, "http.port", portValue);
        String rolesOverride = frameworkProperty.apply(ROLES_OVERRIDE);
        Set<Role> roles = rolesOverride == null ? configuredRoles : roles(values, ROLES_OVERRIDE, rolesOverride);
        String portOverride = frameworkProperty.apply(HTTP_PORT_OVERRIDE);
        int httpPort = portOverride == null ? configuredPort : port(values, HTTP_PORT_OVERRIDE, portOverride);
        return new NodeSettings(id, cluster, roles, httpPort, userData(values, values.text("user.data", "")));
    }

    private static Set<Role> roles(ConfigurationValues values, String key, String value) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : value.split(",")) {
            if (name.isBlank()) {
                continue;
            }
            try {
                roles.add(Role.parse(name));
            } catch (IllegalArgumentException e) {
                throw values.invalid(key, value, e.getMessage());
            }
        }
        if (roles.isEmpty()) {
            throw values.invalid(key, value, "a node needs at least one role (manager, worker or tracker)");
        }
        return roles;
    }

    private static int port(ConfigurationValues values, String key, Object value) {
        return values.integer(key, value, 1, 65535, "not a port number (1..65535)");
    }

    private static Map<String, String> userData(ConfigurationValues values, String value) {
        Map<String, String> data = new LinkedHashMap<>();
        for (String pair : value.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw values.invalid("user.data", value, "entries must be key=value, '" + pair.trim() + "' is not");
            }
            data.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
        }
        return data;
    }
}
