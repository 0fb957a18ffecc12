package io.colony.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * {@code client}: runs one command on a node, or, without a command, every line read from stdin
 * until end of input or {@code exit}. The exit status is that of the (last) command.
 */
final class ClientCommand {

    static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofMinutes(10);
    static final String PROMPT = "colony> ";
    private static final String EXIT = "exit";

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean interactive;

    ClientCommand(InputStream in, PrintStream out, PrintStream err, boolean interactive) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.interactive = interactive;
    }

    int run(NodeHome home, List<String> commandWords, Duration timeout) throws LauncherException {
        try (AdminClient client = AdminClient.connect(home)) {
            if (!commandWords.isEmpty()) {
                return client.execute(GogoQuoting.commandLine(commandWords), out, err, timeout);
            }
            return readLoop(client, timeout);
        }
    }

    private int readLoop(AdminClient client, Duration timeout) throws LauncherException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int status = 0;
        while (true) {
            if (interactive) {
                err.print(PROMPT);
                err.flush();
            }
            String line;
            try {
                line = reader.readLine();
            } catch (IOException e) {
                throw new LauncherException("cannot read commands from stdin", e);
            }
            if (line == null || line.trim().equals(EXIT)) {
                return status;
            }
            if (!line.isBlank()) {
                status = client.execute(line, out, err, timeout);
            }
        }
    }
}
