package io.colony.launcher;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The framework properties of a node: {@code etc/config.properties}, then the node's directories
 * and the command line's overrides, which win.
 */
final class FrameworkProperties {

    static final String INSTALL = "colony.install";
    static final String HOME = "colony.home";
    static final String DATA = "colony.data";
    static final String LOG = "colony.log";
    /** Read by the colony-node bundle in place of {@code roles} in etc/io.colony.node.cfg. */
    static final String ROLES_OVERRIDE = "colony.roles";
    /** Read by the colony-node bundle in place of {@code http.port} in etc/io.colony.node.cfg. */
    static final String HTTP_PORT_OVERRIDE = "colony.http.port";
    static final String MDNS_OVERRIDE = "colony.mdns";
    static final String BIND_ADDRESS_OVERRIDE = "colony.bind.address";
    static final String LOOPBACK = "127.0.0.1";
    /** Arguments of the Gogo shell that gogo.jline starts. */
    static final String GOSH_ARGS = "gosh.args";
    /** Prefix of the properties giving the start level of a bundle in bundle/, by symbolic name. */
    static final String START_LEVEL_PREFIX = "colony.startlevel.";

    private FrameworkProperties() {
    }

    /** The node's directories, as {@code ${name}} variables for config.properties and as properties. */
    static Map<String, String> directories(NodeHome home, Path installDirectory) {
        Map<String, String> directories = new LinkedHashMap<>();
        directories.put(INSTALL, installDirectory.toString());
        directories.put(HOME, home.root().toString());
        directories.put(DATA, home.data().toString());
        directories.put(LOG, home.log().toString());
        return directories;
    }

    /**
     * @param console whether the Gogo console opens on this process's terminal; without one the shell
     *     runs no interactive session, and does not stop the framework when it ends
     */
    static Map<String, String> build(NodeHome home, Path installDirectory, Invocation invocation, boolean console)
            throws LauncherException {
        Map<String, String> directories = directories(home, installDirectory);
        Map<String, String> properties = new LinkedHashMap<>(ConfigProperties.load(home.configProperties(), directories));
        properties.putAll(directories);
        invocation.roles().ifPresent(roles -> properties.put(ROLES_OVERRIDE, roles));
        invocation.httpPort().ifPresent(port -> properties.put(HTTP_PORT_OVERRIDE, Integer.toString(port)));
        if (invocation.local()) {
            properties.put(MDNS_OVERRIDE, "false");
            properties.put(BIND_ADDRESS_OVERRIDE, LOOPBACK);
        }
        if (console) {
            properties.remove(GOSH_ARGS);
        } else {
            properties.put(GOSH_ARGS, "--nointeractive");
        }
        return properties;
    }

    /** The start level configured for a bundle, if any. */
    static OptionalInt startLevel(Map<String, String> properties, String symbolicName) throws LauncherException {
        String key = START_LEVEL_PREFIX + symbolicName;
        String value = properties.get(key);
        if (value == null) {
            return OptionalInt.empty();
        }
        try {
            int level = Integer.parseInt(value.trim());
            if (level < 1) {
                throw new NumberFormatException();
            }
            return OptionalInt.of(level);
        } catch (NumberFormatException e) {
            throw new LauncherException("etc/" + NodeHome.CONFIG_PROPERTIES + ": " + key + " = '" + value + "': not a start level (1 or more)");
        }
    }
}
