package io.colony.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A parsed, validated command line.
 *
 * @param home the node home given with {@code --home}
 * @param roles the roles given with {@code --roles}, validated
 * @param httpPort the port given with {@code --http-port}
 * @param background {@code start --background}
 * @param timeout {@code stop}: how long to wait for the node to end; {@code client}: how long a command may run
 * @param keepRunning {@code demo --keep-running}
 * @param local {@code start --local}, and always for {@code demo}: the node keeps to this machine (no
 *     mDNS, its servers bound to 127.0.0.1)
 * @param commandWords {@code client}: the Gogo command to run, empty for an interactive session
 */
record Invocation(Command command, Optional<Path> home, Optional<String> roles, OptionalInt httpPort, boolean background,
        Optional<Duration> timeout, boolean keepRunning, boolean local, List<String> commandWords) {

    Invocation {
        commandWords = List.copyOf(commandWords);
    }

    static Invocation help() {
        return new Invocation(Command.HELP, Optional.empty(), Optional.empty(), OptionalInt.empty(), false,
                Optional.empty(), false, false, List.of());
    }
}
