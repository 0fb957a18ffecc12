package io.colony.api.config;

import java.util.Map;
import java.util.StringJoiner;

/**
 * Reads the raw properties of one configuration (as ConfigAdmin delivers them from a {@code .cfg}
 * file: strings, numbers, arrays) so that a malformed value is reported, never silently coerced.
 */
public final class ConfigurationValues {

    private final String pid;
    private final Map<String, ?> properties;

    private ConfigurationValues(String pid, Map<String, ?> properties) {
        this.pid = pid;
        this.properties = properties;
    }

    public static ConfigurationValues of(String pid, Map<String, ?> properties) {
        return new ConfigurationValues(pid, properties);
    }

    /** The raw value, or {@code null} when the key is not set. */
    public Object value(String key) {
        return properties.get(key);
    }

    /**
     * {@code true} or {@code false} (any case, surrounding blanks ignored).
     *
     * @throws InvalidConfigurationException for anything else
     */
    public boolean bool(String key, boolean defaultValue) {
        Object value = properties.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Boolean flag) {
            return flag;
        }
        String text = String.valueOf(value).trim();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        throw invalid(key, value, "must be true or false");
    }

    /** The value as trimmed text; arrays and collections are joined with commas. */
    public String text(String key, String defaultValue) {
        Object value = properties.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Object[] values) {
            StringJoiner joined = new StringJoiner(",");
            for (Object item : values) {
                joined.add(String.valueOf(item).trim());
            }
            return joined.toString();
        }
        if (value instanceof Iterable<?> values) {
            StringJoiner joined = new StringJoiner(",");
            values.forEach(item -> joined.add(String.valueOf(item).trim()));
            return joined.toString();
        }
        return String.valueOf(value).trim();
    }

    /**
     * A whole number between {@code min} and {@code max}.
     *
     * @throws InvalidConfigurationException when the value is not a whole number or out of range
     */
    public int integer(String key, int defaultValue, int min, int max) {
        Object value = properties.get(key);
        return value == null ? defaultValue : wholeNumber(key, value, min, max, "not a whole number", "must be between " + min + " and " + max);
    }

    /**
     * A value configured under {@code key}, or given for it elsewhere (a command-line override), as a
     * whole number in a range; {@code reason} is what the error says of anything else.
     */
    public int integer(String key, Object value, int min, int max, String reason) {
        return wholeNumber(key, value, min, max, reason, reason);
    }

    private int wholeNumber(String key, Object value, int min, int max, String notANumber, String outOfRange) {
        long number;
        if (value instanceof Number n && n.doubleValue() == n.longValue()) {
            number = n.longValue();
        } else {
            try {
                number = Long.parseLong(String.valueOf(value).trim());
            } catch (NumberFormatException e) {
                throw invalid(key, value, notANumber);
            }
        }
        if (number < min || number > max) {
            throw invalid(key, value, outOfRange);
        }
        return (int) number;
    }

    public InvalidConfigurationException invalid(String key, Object value, String reason) {
        return new InvalidConfigurationException(pid, key, value, reason);
    }
}
