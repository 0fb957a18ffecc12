package io.colony.api.worker;

import java.time.Duration;
import java.util.Objects;

/**
 * What a finished shell command produced. Its outputs are decoded as UTF-8 and each kept to at
 * most {@link #MAX_OUTPUT_BYTES} bytes; beyond that the rest is read and dropped, and the text
 * ends with a marker {@code [... N bytes dropped]}.
 *
 * @param exitCode the process's exit code (by shell convention, 128 + n when killed by signal n)
 * @param stdout what it wrote to its standard output
 * @param stderr what it wrote to its standard error
 * @param stdoutTruncated whether part of stdout was dropped
 * @param stderrTruncated whether part of stderr was dropped
 * @param elapsed from the process's start to its exit
 */
public record CommandResult(int exitCode, String stdout, String stderr, boolean stdoutTruncated,
        boolean stderrTruncated, Duration elapsed) {

    /** The most bytes of each output kept: 1 MiB. */
    public static final int MAX_OUTPUT_BYTES = 1 << 20;

    public CommandResult {
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /** Whether the command exited with code 0. */
    public boolean succeeded() {
        return exitCode == 0;
    }
}
