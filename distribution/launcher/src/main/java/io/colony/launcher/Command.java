package io.colony.launcher;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** The launcher's commands and the options each one accepts. */
enum Command {
    START("start", EnumSet.of(Option.HOME, Option.ROLES, Option.HTTP_PORT, Option.BACKGROUND, Option.LOCAL)),
    STOP("stop", EnumSet.of(Option.HOME, Option.TIMEOUT)),
    STATUS("status", EnumSet.of(Option.HOME)),
    CLIENT("client", EnumSet.of(Option.HOME, Option.TIMEOUT)),
    DEMO("demo", EnumSet.of(Option.HOME, Option.HTTP_PORT, Option.KEEP_RUNNING)),
    HELP("help", EnumSet.noneOf(Option.class));

    private final String word;
    private final Set<Option> options;

    Command(String word, Set<Option> options) {
        this.word = word;
        this.options = options;
    }

    String word() {
        return word;
    }

    boolean accepts(Option option) {
        return options.contains(option);
    }

    static Optional<Command> named(String word) {
        return Arrays.stream(values()).filter(command -> command.word.equals(word)).findFirst();
    }

    /** Options, spelled {@code --name value}, {@code --name=value} or, for flags, {@code --name}. */
    enum Option {
        HOME("--home", true),
        ROLES("--roles", true),
        HTTP_PORT("--http-port", true),
        BACKGROUND("--background", false),
        TIMEOUT("--timeout", true),
        KEEP_RUNNING("--keep-running", false),
        LOCAL("--local", false);

        private final String spelling;
        private final boolean takesValue;

        Option(String spelling, boolean takesValue) {
            this.spelling = spelling;
            this.takesValue = takesValue;
        }

        String spelling() {
            return spelling;
        }

        boolean takesValue() {
            return takesValue;
        }

        static Optional<Option> spelled(String spelling) {
            return Arrays.stream(values()).filter(option -> option.spelling.equals(spelling)).findFirst();
        }
    }
}
