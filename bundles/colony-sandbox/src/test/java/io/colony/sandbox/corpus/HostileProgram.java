package io.colony.sandbox.corpus;

import io.colony.api.source.Isolation;
import io.colony.api.source.SandboxPolicy;
import io.colony.api.source.SourceCode;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One program of the hostile corpus: a directory {@code hostile/<NN-name>/} with the program's {@code .java} files
 * and {@code expect.properties}: its first line a comment saying what the program tries, then {@code entry} (the
 * entry class), {@code outcome} (the acceptable {@link ExpectedOutcome}s, separated by {@code ||}), and optionally
 * {@code isolations} (the isolations to try it in, by their configuration names, when not all),
 * {@code marker} (a file the program would create: it must not exist afterwards), {@code cancel.afterMillis} (the task
 * is cancelled that long after the run starts), {@code pad.bytes} (a comment
 * of that many bytes added to the source) and {@code policy.*} (wallTime and cpuTime as ISO durations, memoryBytes,
 * resultBytes, logBytes, allowlist: the operator's entries, comma-separated) replacing the test's policy.
 */
record HostileProgram(String name, String description, Map<String, String> files, String entryClass,
        List<ExpectedOutcome> outcomes, Properties properties) {

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

    static List<HostileProgram> loadAll(String resourceDirectory) {
        URL url = HostileProgram.class.getResource(resourceDirectory);
        if (url == null) {
            throw new IllegalStateException("no corpus at " + resourceDirectory + " on the test class path");
        }
        try (Stream<Path> directories = Files.list(Path.of(url.toURI()))) {
            return directories.filter(Files::isDirectory).sorted().map(HostileProgram::load).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static HostileProgram load(Path directory) {
        try {
            Path expectations = directory.resolve("expect.properties");
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(expectations, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            String firstLine = Files.readAllLines(expectations, StandardCharsets.UTF_8).get(0);
            String description = firstLine.startsWith("#") ? firstLine.substring(1).trim() : "";
            Map<String, String> files = new TreeMap<>();
            try (Stream<Path> sources = Files.list(directory)) {
                for (Path file : sources.filter(f -> f.getFileName().toString().endsWith(".java")).sorted().toList()) {
                    String text = Files.readString(file, StandardCharsets.UTF_8);
                    files.put(sourcePath(text, file.getFileName().toString()), text);
                }
            }
            String name = directory.getFileName().toString();
            return new HostileProgram(name, description, files, required(properties, "entry", name),
                    ExpectedOutcome.parseAlternatives(required(properties, "outcome", name)), properties);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the corpus program " + directory, e);
        }
    }

    private static String required(Properties properties, String key, String program) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(program + "/expect.properties: '" + key + "' is missing");
        }
        return value.trim();
    }

    private static String sourcePath(String text, String fileName) {
        Matcher matcher = PACKAGE.matcher(text);
        return matcher.find() ? matcher.group(1).replace('.', '/') + "/" + fileName : fileName;
    }

    /** @throws IllegalArgumentException when {@link SourceCode} refuses it */
    SourceCode source() {
        int pad = Integer.parseInt(properties.getProperty("pad.bytes", "0").trim());
        if (pad == 0) {
            return new SourceCode(files, entryClass);
        }
        Map<String, String> padded = new TreeMap<>(files);
        String first = padded.keySet().iterator().next();
        padded.put(first, padded.get(first) + "\n// " + "x".repeat(pad) + "\n");
        return new SourceCode(padded, entryClass);
    }

    SandboxPolicy policy(SandboxPolicy base) {
        return new SandboxPolicy(base.isolation(),
                duration("policy.wallTime", base.wallTime()),
                duration("policy.cpuTime", base.cpuTime()),
                Long.parseLong(properties.getProperty("policy.memoryBytes", String.valueOf(base.memoryBytes())).trim()),
                Integer.parseInt(properties.getProperty("policy.resultBytes", String.valueOf(base.resultBytes())).trim()),
                Integer.parseInt(properties.getProperty("policy.logBytes", String.valueOf(base.logBytes())).trim()),
                allowlist(base.allowlist()));
    }

    /** The operator's allowlist entries, comma-separated, replacing the base's. */
    private List<String> allowlist(List<String> otherwise) {
        String value = properties.getProperty("policy.allowlist");
        return value == null ? otherwise : Arrays.stream(value.split(",")).map(String::trim).filter(entry -> !entry.isEmpty()).toList();
    }

    private Duration duration(String key, Duration otherwise) {
        String value = properties.getProperty(key);
        return value == null ? otherwise : Duration.parse(value.trim());
    }

    /** A file the program would create if it ran: it must not exist after the sandbox had it. */
    Optional<Path> marker() {
        return Optional.ofNullable(properties.getProperty("marker")).map(String::trim).map(Path::of);
    }

    boolean triedIn(Isolation isolation) {
        String names = properties.getProperty("isolations");
        return names == null || Arrays.stream(names.split(",")).map(String::trim).anyMatch(isolation.configName()::equals);
    }

    /** How long after the start of the run the test cancels the task, if it does. */
    Optional<Duration> cancelAfter() {
        return Optional.ofNullable(properties.getProperty("cancel.afterMillis")).map(String::trim).map(Long::parseLong).map(Duration::ofMillis);
    }

    boolean accepts(ActualOutcome actual) {
        return outcomes.stream().anyMatch(outcome -> outcome.accepts(actual));
    }

    @Override
    public String toString() {
        return name;
    }
}
