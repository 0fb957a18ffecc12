package io.colony.launcher;

import io.colony.launcher.Command.Option;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** Parses and validates the launcher's arguments; every rejection names the argument and the reason. */
final class CommandLine {

    private static final Set<String> ROLES = Set.of("manager", "worker", "tracker");

    private static final Set<String> HELP_WORDS = Set.of("help", "--help", "-h", "-?");

    private CommandLine() {
    }

    static Invocation parse(String... args) throws UsageException {
        if (args.length == 0 || HELP_WORDS.contains(args[0])) {
            return Invocation.help();
        }
        Command command = Command.named(args[0])
                .orElseThrow(() -> new UsageException("unknown command '" + args[0] + "'"));
        Map<Option, String> options = new EnumMap<>(Option.class);
        List<String> words = new ArrayList<>();
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        for (int index = 0; index < rest.size(); index++) {
            String argument = rest.get(index);
            if (command == Command.CLIENT && (argument.equals("--") || !argument.startsWith("--"))) {
                // the Gogo command begins here; its own options belong to it
                words.addAll(rest.subList(argument.equals("--") ? index + 1 : index, rest.size()));
                break;
            }
            if (!argument.startsWith("--")) {
                throw new UsageException(command.word() + ": unexpected argument '" + argument + "'");
            }
            int equals = argument.indexOf('=');
            String spelling = equals < 0 ? argument : argument.substring(0, equals);
            Option option = Option.spelled(spelling)
                    .filter(command::accepts)
                    .orElseThrow(() -> new UsageException(command.word() + ": unknown option '" + spelling + "'"));
            if (options.containsKey(option)) {
                throw new UsageException(command.word() + ": option " + spelling + " given twice");
            }
            String value;
            if (!option.takesValue()) {
                if (equals >= 0) {
                    throw new UsageException(command.word() + ": option " + spelling + " takes no value");
                }
                value = "true";
            } else if (equals >= 0) {
                value = argument.substring(equals + 1);
            } else if (index + 1 < rest.size()) {
                value = rest.get(++index);
            } else {
                throw new UsageException(command.word() + ": option " + spelling + " needs a value");
            }
            options.put(option, value);
        }
        try {
            return new Invocation(command,
                    optional(options, Option.HOME).map(value -> path(Option.HOME, value)),
                    optional(options, Option.ROLES).map(CommandLine::roles),
                    port(options.get(Option.HTTP_PORT)),
                    options.containsKey(Option.BACKGROUND),
                    optional(options, Option.TIMEOUT).map(CommandLine::seconds),
                    options.containsKey(Option.KEEP_RUNNING),
                    options.containsKey(Option.LOCAL) || command == Command.DEMO,
                    words);
        } catch (InvalidOptionValue e) {
            throw new UsageException(command.word() + ": " + e.getMessage());
        }
    }

    private static Optional<String> optional(Map<Option, String> options, Option option) {
        return Optional.ofNullable(options.get(option));
    }

    private static Path path(Option option, String value) {
        if (value.isBlank()) {
            throw invalid(option, value, "empty path");
        }
        try {
            return Path.of(value).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw invalid(option, value, e.getMessage());
        }
    }

    /** Validates a comma-separated list of roles and returns it normalised. */
    private static String roles(String value) {
        List<String> roles = new ArrayList<>();
        for (String role : value.split(",", -1)) {
            String name = role.trim().toLowerCase(Locale.ROOT);
            if (!ROLES.contains(name)) {
                throw invalid(Option.ROLES, value, "'" + role.trim() + "' is not a role; use manager, worker or tracker, comma-separated");
            }
            if (!roles.contains(name)) {
                roles.add(name);
            }
        }
        return String.join(",", roles);
    }

    private static OptionalInt port(String value) {
        if (value == null) {
            return OptionalInt.empty();
        }
        int port = number(Option.HTTP_PORT, value);
        if (port < 1 || port > 65535) {
            throw invalid(Option.HTTP_PORT, value, "a port is between 1 and 65535");
        }
        return OptionalInt.of(port);
    }

    private static Duration seconds(String value) {
        int seconds = number(Option.TIMEOUT, value);
        if (seconds < 1) {
            throw invalid(Option.TIMEOUT, value, "give a number of seconds, at least 1");
        }
        return Duration.ofSeconds(seconds);
    }

    private static int number(Option option, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw invalid(option, value, "not a whole number");
        }
    }

    private static InvalidOptionValue invalid(Option option, String value, String reason) {
        return new InvalidOptionValue(option.spelling() + " '" + value + "': " + reason);
    }

    /** Thrown from the value parsers inside lambdas; {@link #parse} reports it as a {@link UsageException}. */
    private static final class InvalidOptionValue extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        InvalidOptionValue(String message) {
            super(message);
        }
    }
}
