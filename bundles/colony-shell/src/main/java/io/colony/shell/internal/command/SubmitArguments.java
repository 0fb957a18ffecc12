package io.colony.shell.internal.command;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The arguments of {@code colony:submit}: the job file and the options.
 *
 * @param file the job spec's file name as given, relative to the working directory unless absolute
 * @param await whether to wait for the job to end (no {@code --no-wait})
 * @param output where to write the result, or null to print it (binary results go to {@code <job-id>.<ext>})
 * @param timeout how long to wait at most; empty to wait until the job ends
 * @param help whether --help was given (the other fields are then meaningless)
 */
record SubmitArguments(String file, boolean await, String output, Optional<Duration> timeout, boolean help) {

    private static final String NO_WAIT = "--no-wait";
    private static final String OUTPUT = "--output";
    private static final String TIMEOUT = "--timeout";

    /** @throws IllegalArgumentException {@code colony:submit: <reason>} followed by the usage */
    static SubmitArguments parse(String... args) {
        Usage usage = Usage.SUBMIT;
        CommandLine line = CommandLine.parse(usage, args, Set.of(OUTPUT, TIMEOUT), Set.of(NO_WAIT));
        if (line.help()) {
            return new SubmitArguments("", true, null, Optional.empty(), true);
        }
        String file = line.single(usage, "<job.json>");
        if (file.isBlank()) {
            throw usage.error("<job.json> is empty");
        }
        boolean await = !line.flag(NO_WAIT);
        String output = line.value(OUTPUT);
        String timeout = line.value(TIMEOUT);
        if (!await && output != null) {
            throw usage.error(OUTPUT + " needs the command to wait for the result; leave out " + NO_WAIT);
        }
        if (!await && timeout != null) {
            throw usage.error(TIMEOUT + " bounds the wait, and " + NO_WAIT + " does not wait");
        }
        if (output != null && output.isBlank()) {
            throw usage.error(OUTPUT + " needs a file name");
        }
        return new SubmitArguments(file, await, output, timeout == null ? Optional.empty() : Optional.of(timeout(usage, timeout)), false);
    }

    /** Seconds as a whole number, or a duration as {@link Durations} reads it. */
    private static Duration timeout(Usage usage, String value) {
        String text = value.strip();
        boolean seconds = !text.isEmpty() && text.chars().allMatch(character -> character >= '0' && character <= '9');
        try {
            return Durations.parse(seconds ? text + "s" : text);
        } catch (IllegalArgumentException e) {
            throw usage.error(TIMEOUT + ": '" + value + "' is not a positive number of seconds or a duration such as 30s, 5m or 2h"
                    + " (at most " + HumanFormat.duration(Durations.MAX) + ")");
        }
    }
}
