package io.colony.shell.internal.command;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command's arguments as the shell commands read them: options anywhere until {@code --}, each at
 * most once, with a value ({@code --name value} or {@code --name=value}) or as a flag; {@code --help}
 * or {@code -h}; everything else positional, in order.
 *
 * @param positional the arguments that are not options
 * @param values the value of each option given, by name ({@code --timeout})
 * @param flags the flags given
 * @param help whether --help was given (the rest is then not read)
 */
record CommandLine(List<String> positional, Map<String, String> values, Set<String> flags, boolean help) {

    CommandLine {
        positional = List.copyOf(positional);
        values = Map.copyOf(values);
        flags = Set.copyOf(flags);
    }

    /**
     * @param valued the options that take a value
     * @param flagNames the options that take none
     * @throws IllegalArgumentException {@code <command>: <reason>} and the usage, for an unknown option, an
     *     option without its value or given twice, or a flag with a value
     */
    static CommandLine parse(Usage usage, String[] args, Set<String> valued, Set<String> flagNames) {
        List<String> positional = new ArrayList<>();
        Map<String, String> values = new HashMap<>();
        Set<String> flags = new HashSet<>();
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
                return new CommandLine(List.of(), Map.of(), Set.of(), true);
            }
            int equals = argument.indexOf('=');
            String name = equals < 0 ? argument : argument.substring(0, equals);
            if (flagNames.contains(name)) {
                if (equals >= 0) {
                    throw usage.error(name + " takes no value");
                }
                if (!flags.add(name)) {
                    throw usage.error(name + " is given twice");
                }
                continue;
            }
            if (!valued.contains(name)) {
                throw usage.error("unknown option " + name);
            }
            String value;
            if (equals >= 0) {
                value = argument.substring(equals + 1);
            } else if (index + 1 < arguments.length) {
                value = arguments[++index];
            } else {
                throw usage.error(name + " needs a value");
            }
            if (values.putIfAbsent(name, value) != null) {
                throw usage.error(name + " is given twice");
            }
        }
        return new CommandLine(positional, values, flags, false);
    }

    /** The option's value, or null when it was not given. */
    String value(String option) {
        return values.get(option);
    }

    boolean flag(String option) {
        return flags.contains(option);
    }

    /**
     * The only positional argument.
     *
     * @param name what it is, as the usage calls it: {@code <id>}
     * @throws IllegalArgumentException when it is missing or followed by others
     */
    String single(Usage usage, String name) {
        if (positional.isEmpty()) {
            throw usage.error("missing " + name);
        }
        noMoreThan(usage, 1);
        return positional.get(0);
    }

    /** @throws IllegalArgumentException naming the first positional argument past the allowed count */
    void noMoreThan(Usage usage, int count) {
        if (positional.size() > count) {
            throw usage.error("unexpected argument '" + positional.get(count) + "'");
        }
    }

    private static boolean isOption(String argument) {
        return argument.equals("--") || argument.equals("-h")
                || (argument.length() > 2 && argument.startsWith("--"))
                || (argument.length() > 1 && argument.charAt(0) == '-' && Character.isLetter(argument.charAt(1)));
    }
}
