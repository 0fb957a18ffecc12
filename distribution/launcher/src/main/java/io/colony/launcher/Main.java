package io.colony.launcher;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;

/** Entry point of {@code bin/colony}: parses the command line and runs the command. */
public final class Main {

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;

    Main(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new Main(System.in, System.out, System.err).run(args));
    }

    /** Runs a command and returns the process's exit status. */
    int run(String... args) {
        try {
            return dispatch(CommandLine.parse(args));
        } catch (UsageException e) {
            err.print(Usage.TEXT);
            err.println();
            err.println("colony: " + e.getMessage());
            return e.status();
        } catch (LauncherException e) {
            err.println("colony: " + Failures.describe(e));
            return e.status();
        }
    }

    private int dispatch(Invocation invocation) throws LauncherException {
        if (invocation.command() == Command.HELP) {
            out.print(Usage.TEXT);
            return 0;
        }
        Path installDirectory = InstallDirectory.locate();
        NodeHome home = NodeHome.choose(invocation.home(), Path.of("").toAbsolutePath(), installDirectory);
        return switch (invocation.command()) {
            case START -> start(home, installDirectory, invocation);
            case STOP -> new NodeControl(out).stop(home, invocation.timeout().orElse(NodeControl.DEFAULT_STOP_TIMEOUT));
            case STATUS -> new NodeControl(out).status(home);
            case CLIENT -> new ClientCommand(in, out, err, Terminals.isInteractive())
                    .run(home, invocation.commandWords(), invocation.timeout().orElse(ClientCommand.DEFAULT_COMMAND_TIMEOUT));
            case DEMO -> {
                home.initialise(installDirectory);
                yield new DemoCommand(out, err).run(home, installDirectory, invocation);
            }
            case HELP -> throw new IllegalStateException("help is answered before a home is chosen");
        };
    }

    private int start(NodeHome home, Path installDirectory, Invocation invocation) throws LauncherException {
        home.initialise(installDirectory);
        if (invocation.background()) {
            new BackgroundStart(out).start(home, installDirectory, invocation);
            return 0;
        }
        return new NodeRunner(new LauncherLog(err)).run(home, installDirectory, invocation);
    }
}
