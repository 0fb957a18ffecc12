package io.colony.launcher;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code etc/config.properties}: Java properties whose values may refer to {@code ${name}},
 * replaced by the launcher's variables ({@code colony.home}, {@code colony.install}, ...), else by
 * another property of the same file, else by a system property. An unknown name is an error.
 */
final class ConfigProperties {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]+)}");

    private ConfigProperties() {
    }

    static Map<String, String> load(Path file, Map<String, String> variables) throws LauncherException {
        Properties raw = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            raw.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new LauncherException("cannot read " + file, e);
        }
        Map<String, String> properties = new LinkedHashMap<>();
        for (String key : raw.stringPropertyNames()) {
            try {
                properties.put(key, substitute(raw.getProperty(key), variables, raw, new HashSet<>(Set.of(key))));
            } catch (IllegalArgumentException e) {
                throw new LauncherException(file + ": " + key + ": " + e.getMessage());
            }
        }
        return properties;
    }

    private static String substitute(String value, Map<String, String> variables, Properties file, Set<String> resolving) {
        Matcher reference = REFERENCE.matcher(value);
        StringBuilder result = new StringBuilder();
        while (reference.find()) {
            String name = reference.group(1);
            reference.appendReplacement(result, Matcher.quoteReplacement(lookup(name, variables, file, resolving)));
        }
        reference.appendTail(result);
        return result.toString();
    }

    private static String lookup(String name, Map<String, String> variables, Properties file, Set<String> resolving) {
        if (variables.containsKey(name)) {
            return variables.get(name);
        }
        String fromFile = file.getProperty(name);
        if (fromFile != null) {
            if (!resolving.add(name)) {
                throw new IllegalArgumentException("${" + name + "} refers to itself");
            }
            String resolved = substitute(fromFile, variables, file, resolving);
            resolving.remove(name);
            return resolved;
        }
        String fromSystem = System.getProperty(name);
        if (fromSystem != null) {
            return fromSystem;
        }
        throw new IllegalArgumentException("unknown variable ${" + name + "}");
    }
}
