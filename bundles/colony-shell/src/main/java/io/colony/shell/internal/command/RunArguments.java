package io.colony.shell.internal.command;

import java.time.Duration;
import java.util.List;
import java.util.Set;
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
    private static final String CHUNKS = "--chunks";
    private static final String TIMEOUT = "--timeout";
    private static final String VERSION = "--version";
    private static final String OUT = "--out";

    RunArguments {
        inputs = List.copyOf(inputs);
    }

    /** @throws IllegalArgumentException {@code colony:run: <reason>} followed by the usage */
    static RunArguments parse(String... args) {
        Usage usage = Usage.RUN;
        CommandLine line = CommandLine.parse(usage, args, Set.of(CHUNKS, TIMEOUT, VERSION, OUT), Set.of());
        if (line.help()) {
            return new RunArguments("", List.of(), 0, DEFAULT_TIMEOUT, null, null, true);
        }
        List<String> positional = line.positional();
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
        String chunks = line.value(CHUNKS);
        String timeout = line.value(TIMEOUT);
        String version = line.value(VERSION);
        String out = line.value(OUT);
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
