package io.colony.launcher;

/** The text of {@code colony --help}. */
final class Usage {

    static final String TEXT = """
            Usage: colony COMMAND [OPTIONS]

            Runs a Colony node (an OSGi framework with Colony's bundles) and talks to running nodes.

            Commands:
              start [--home DIR] [--roles ROLES] [--http-port N] [--background] [--local]
                  Start a node. On a terminal the Gogo shell opens (closing it stops the node);
                  without one the node runs in the foreground until SIGTERM.
                  --home DIR       the node's directory (see "Node home"); a DIR without etc/ gets a
                                   copy of the install's etc/ and empty deploy/, data/, log/
                  --roles ROLES    comma-separated: manager, worker, tracker (default: etc/io.colony.node.cfg)
                  --http-port N    port of the REST API and dashboard (default: etc/io.colony.node.cfg, 22581)
                  --background     run detached (output to log/console.out); returns when the node
                                   is ready (colony:node says ready: its roles' services are up),
                                   within 60 s
                  --local          keep to this machine: no multicast discovery (mDNS) and every server
                                   of the node bound to 127.0.0.1, whatever etc/ says; trackers and
                                   static peers on this machine still work
              stop [--home DIR] [--timeout SECONDS]
                  Send SIGTERM to the node and wait for it to end (default 15 s).
              status [--home DIR]
                  Tell whether a node runs, its pid and admin channel port. Exit status 3 when none runs.
              client [--home DIR] [--timeout SECONDS] [COMMAND...]
                  Run Gogo commands on a running node through its admin channel (127.0.0.1 only,
                  authenticated with data/admin.secret). One argument is a whole command line
                  (colony client 'colony:plugins | grep primes'); several are quoted for Gogo and joined.
                  Without COMMAND, runs the lines read from stdin until end of input or "exit".
                  The exit status is the command's (the last command's): non-zero when it failed.
                  --timeout SECONDS  give up on a command that runs longer (default 600)
              demo [--home DIR] [--http-port N] [--keep-running]
                  Start a local node (see --local) in the background, run the sample plugins on it (prime counting and a
                  Mandelbrot image in data/results/mandelbrot.png), print the results and stop the
                  node unless --keep-running.
              help, --help
                  Show this text.

            Node home (the directory a command works on):
              --home DIR when given; else the current directory if it is a node home (it holds
              etc/config.properties and data/); else the install directory.
                etc/       config.properties (framework properties), *.cfg (configurations, applied live),
                           log4j2.xml (logging)
                deploy/    plugin bundles: a jar dropped here is installed and started, removed: uninstalled
                data/      framework cache, colony.pid, colony.lock, shell.port, admin.secret, results
                log/       colony.log (the node's log), console.out (output of a background node)
              The install directory also holds bin/, lib/ (the launcher) and bundle/ (the bundles every
              node starts).

            Environment:
              JAVA_HOME    the Java runtime to use (default: java on the PATH); Java 17 or newer
              JAVA_OPTS    options for the Java virtual machine, e.g. -Xmx2g

            Exit status: 0 success, 1 failure, 2 wrong command line, 3 (status) no node running.
            """;

    private Usage() {
    }
}
