package io.colony.node.internal;

/** A configuration value that cannot be used; the message names the PID, the key and the reason. */
final class InvalidConfigurationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    InvalidConfigurationException(String pid, String key, Object value, String reason) {
        super(pid + ": " + key + " = '" + value + "': " + reason);
    }
}
