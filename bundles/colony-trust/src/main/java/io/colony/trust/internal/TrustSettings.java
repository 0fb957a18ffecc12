package io.colony.trust.internal;

import io.colony.api.config.ConfigurationValues;
import io.colony.api.trust.TrustPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Validated trust settings, read from the raw configuration properties so that a malformed value is
 * reported with its key (and, for a pattern, the pattern) instead of being silently coerced.
 *
 * @param commandPatterns empty: any command (when commands are enabled)
 */
record TrustSettings(boolean commandsEnabled, List<Pattern> commandPatterns, boolean manifestEnabled, boolean sourceEnabled) {

    static final String COMMANDS_ENABLED = "commands.enabled";
    static final String COMMANDS_ALLOW = "commands.allow";
    static final String MANIFEST_ENABLED = "manifest.enabled";
    static final String SOURCE_ENABLED = "source.enabled";

    private static final Set<String> KEYS = Set.of(COMMANDS_ENABLED, COMMANDS_ALLOW, MANIFEST_ENABLED, SOURCE_ENABLED);
    private static final List<String> NAMESPACES = List.of("command", "manifest", "source");

    /** Everything denied but operator-installed plugins: the policy with no configuration. */
    static final TrustSettings DEFAULTS = new TrustSettings(false, List.of(), false, false);

    TrustSettings {
        commandPatterns = List.copyOf(commandPatterns);
    }

    /** @throws io.colony.api.config.InvalidConfigurationException naming the key, the value and the reason */
    static TrustSettings read(Map<String, ?> properties) {
        ConfigurationValues values = ConfigurationValues.of(TrustPolicy.PID, properties);
        boolean commands = values.bool(COMMANDS_ENABLED, false);
        List<Pattern> patterns = new ArrayList<>();
        for (String pattern : patterns(values.value(COMMANDS_ALLOW))) {
            try {
                patterns.add(Pattern.compile(pattern));
            } catch (PatternSyntaxException e) {
                throw values.invalid(COMMANDS_ALLOW, pattern,
                        "not a valid regular expression: " + e.getDescription() + (e.getIndex() >= 0 ? " near index " + e.getIndex() : ""));
            }
        }
        return new TrustSettings(commands, patterns, values.bool(MANIFEST_ENABLED, false), values.bool(SOURCE_ENABLED, false));
    }

    /**
     * Keys in the policy's namespaces that it does not know: most likely misspelt, and then silently
     * without effect (which fails closed, but puzzles the operator).
     */
    static Set<String> unknownKeys(Map<String, ?> properties) {
        Set<String> unknown = new TreeSet<>();
        for (String key : properties.keySet()) {
            if (!KEYS.contains(key) && NAMESPACES.stream().anyMatch(key::startsWith)) {
                unknown.add(key);
            }
        }
        return unknown;
    }

    /**
     * An array or collection (from a typed configuration) gives one pattern per item; text gives one
     * per line, or per comma when it has no line break. Blank entries are skipped.
     */
    static List<String> patterns(Object raw) {
        List<String> items = new ArrayList<>();
        if (raw == null) {
            return items;
        }
        if (raw instanceof Object[] array) {
            for (Object item : array) {
                addTrimmed(items, String.valueOf(item));
            }
        } else if (raw instanceof Iterable<?> iterable) {
            iterable.forEach(item -> addTrimmed(items, String.valueOf(item)));
        } else {
            String text = String.valueOf(raw);
            String separator = text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0 ? "\\R" : ",";
            for (String item : text.split(separator)) {
                addTrimmed(items, item);
            }
        }
        return items;
    }

    private static void addTrimmed(List<String> items, String item) {
        if (!item.isBlank()) {
            items.add(item.strip());
        }
    }
}
