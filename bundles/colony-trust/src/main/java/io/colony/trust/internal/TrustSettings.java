package io.colony.trust.internal;

import io.colony.api.config.ConfigurationValues;
import io.colony.api.trust.TrustPolicy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

/**
 * Validated trust settings, read from the raw configuration properties so that a malformed value is
 * reported with its key (and, for a pattern, the pattern) instead of being silently coerced.
 *
 * @param commandPatterns empty: any command (when commands are enabled)
 * @param manifest        manifest jobs (topology 2)
 * @param source          source jobs (topology 3)
 */
record TrustSettings(boolean commandsEnabled, List<Pattern> commandPatterns, ManifestSettings manifest, SourceSettings source) {

    static final String COMMANDS_ENABLED = "commands.enabled";
    static final String COMMANDS_ALLOW = "commands.allow";

    /** The keys the policy knows, in the order etc/io.colony.trust.cfg has them. */
    static final List<String> KEYS = Stream.of(List.of(COMMANDS_ENABLED, COMMANDS_ALLOW), ManifestSettings.KEYS, SourceSettings.KEYS)
            .flatMap(List::stream).toList();
    private static final List<String> NAMESPACES = List.of("command", "manifest", "source");

    /** Everything denied but operator-installed plugins: the policy with no configuration. */
    static final TrustSettings DEFAULTS = new TrustSettings(false, List.of(), ManifestSettings.DEFAULTS, SourceSettings.DEFAULTS);

    TrustSettings {
        commandPatterns = List.copyOf(commandPatterns);
    }

    /**
     * @param configDirectory the node's etc/, against which relative file names resolve
     * @throws io.colony.api.config.InvalidConfigurationException naming the key, the value and the reason
     */
    static TrustSettings read(Map<String, ?> properties, Path configDirectory) {
        ConfigurationValues values = ConfigurationValues.of(TrustPolicy.PID, properties);
        return new TrustSettings(values.bool(COMMANDS_ENABLED, false), each(values, COMMANDS_ALLOW, TrustSettings::commandPattern),
                ManifestSettings.read(values, configDirectory), SourceSettings.read(values));
    }

    /**
     * Each item of the list under {@code key} (see {@link #items(Object)}), parsed.
     *
     * @param parser throws an IllegalArgumentException saying what is wrong with an item
     * @throws io.colony.api.config.InvalidConfigurationException naming the key, the item and the reason
     */
    static <T> List<T> each(ConfigurationValues values, String key, Function<String, T> parser) {
        List<T> parsed = new ArrayList<>();
        for (String item : items(values.value(key))) {
            try {
                parsed.add(parser.apply(item));
            } catch (IllegalArgumentException e) {
                throw values.invalid(key, item, e.getMessage());
            }
        }
        return List.copyOf(parsed);
    }

    private static Pattern commandPattern(String pattern) {
        try {
            return Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(
                    "not a valid regular expression: " + e.getDescription() + (e.getIndex() >= 0 ? " near index " + e.getIndex() : ""), e);
        }
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
     * The items of a list value: an array or collection (from a typed configuration) gives one item per
     * element; text gives one per line, or per comma when it has no line break. Items are trimmed;
     * blank ones are skipped.
     */
    static List<String> items(Object raw) {
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
