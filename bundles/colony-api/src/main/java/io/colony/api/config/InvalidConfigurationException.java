package io.colony.api.config;

/** A configuration value that cannot be used; the message names the PID, the key, the value and the reason. */
public class InvalidConfigurationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidConfigurationException(String pid, String key, Object value, String reason) {
        super(pid + ": " + key + " = '" + value + "': " + reason);
    }
}
