package io.colony.shell.internal.command;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

/**
 * The arguments of {@code colony:run}: options (anywhere, until {@code --}), then the plugin's name
 * and its input arguments.
 *
 * @param chunks how many chunks to split the input into, or 0 to run it as one task
 * @param versionRange the plugin version or range, or null for the newest
 * @param out where to write the result, or null to print it (binary results go to the results folder)
 * @param help whether --help was given (the other fields are then meaningless)
 */
record RunArguments(String plugin, List<String> inputs, int chunks, Duration timeout, String versionRange, String out,
        boolean help) {

    static final int MAX_CHUNKS = 10_000;
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);
    private static final Pattern PLUGIN_NAME = Pattern.compile("[A-Za-z0-9._-]+");

    RunArguments {
        inputs = List.copyOf(inputs);
    }

    /** @throws IllegalArgumentException {@code colony:run: <reason>} followed by the usage */
    static RunArguments parse(String... args) {
        Usage usage = Usage.RUN;
        List<String> positional = new ArrayList<>();
        String chunks = null;
        String timeout = null;
        String version = null;
        String out = null;
        boolean optionsEnded = false;
        String[] arguments = args == null ? new String[0] : args;
        for (int index = 0; index < arguments.length; index++) {
            String argument = arguments[index];
            if (optionsEnded || !isOption(argument)) {
                positional.add(argument);
                continue;
            }
            if (argument.equals("--")) {
                optionsEnded = true;
                continue;
            }
            if (argument.equals("--help") || argument.equals("-h")) {
                return new RunArguments("", List.of(), 0, DEFAULT_TIMEOUT, null, null, true);
            }
            int equals = argument.indexOf('=');
            String name = equals < 0 ? argument : argument.substring(0, equals);
            String value;
            if (equals >= 0) {
                value = argument.substring(equals + 1);
            } else if (index + 1 < arguments.length && isKnownOption(name)) {
                value = arguments[++index];
            } else {
                value = null;
            }
            switch (name) {
                case "--chunks" -> chunks = once(usage, name, chunks, value);
                case "--timeout" -> timeout = once(usage, name, timeout, value);
                case "--version" -> version = once(usage, name, version, value);
                case "--out" -> out = once(usage, name, out, value);
                default -> throw usage.error("unknown option " + name);
            }
        }
        if (positional.isEmpty()) {
            throw usage.error("missing <plugin>");
        }
        String plugin = positional.get(0);
        if (!PLUGIN_NAME.matcher(plugin).matches()) {
            throw usage.error("'" + plugin + "' is not a plugin name (letters, digits, '.', '_' and '-')");
        }
        if (positional.size() == 1) {
            throw usage.error("missing <input> for plugin '" + plugin + "'");
        }
        return new RunArguments(plugin, positional.subList(1, positional.size()),
                chunks == null ? 0 : chunks(usage, chunks),
                timeout == null ? DEFAULT_TIMEOUT : timeout(usage, timeout),
                version == null ? null : versionRange(usage, version),
                out == null ? null : out(usage, out),
                false);
    }

    boolean split() {
        return chunks > 0;
    }

    private static boolean isOption(String argument) {
        return argument.equals("--") || argument.equals("-h")
                || (argument.length() > 2 && argument.startsWith("--"))
                || (argument.length() > 1 && argument.charAt(0) == '-' && Character.isLetter(argument.charAt(1)));
    }

    private static boolean isKnownOption(String name) {
        return name.equals("--chunks") || name.equals("--timeout") || name.equals("--version") || name.equals("--out");
    }

    private static String once(Usage usage, String name, String previous, String value) {
        if (value == null) {
            throw usage.error(name + " needs a value");
        }
        if (previous != null) {
            throw usage.error(name + " is given twice");
        }
        return value;
    }

    private static int chunks(Usage usage, String value) {
        try {
            int chunks = Integer.parseInt(value.strip());
            if (chunks >= 1 && chunks <= MAX_CHUNKS) {
                return chunks;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw usage.error("--chunks: '" + value + "' is not a whole number from 1 to " + MAX_CHUNKS);
    }

    private static Duration timeout(Usage usage, String value) {
        try {
            return Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw usage.error("--timeout: " + e.getMessage());
        }
    }

    private static String versionRange(Usage usage, String value) {
        String range = value.strip();
        try {
            if (range.startsWith("[") || range.startsWith("(")) {
                new VersionRange(range);
            } else {
                Version.parseVersion(range);
            }
            if (range.isEmpty()) {
                throw new IllegalArgumentException("empty");
            }
            return range;
        } catch (IllegalArgumentException e) {
            throw usage.error("--version: '" + value + "' is not a version (1.2.0) or an OSGi version range in quotes ('[1.0,2)')");
        }
    }

    private static String out(Usage usage, String value) {
        if (value.isBlank()) {
            throw usage.error("--out needs a file name");
        }
        return value;
    }
}
