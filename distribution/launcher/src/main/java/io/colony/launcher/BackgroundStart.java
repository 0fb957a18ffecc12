package io.colony.launcher;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code start --background}: launches the node as a detached process (its own session when
 * {@code setsid} exists, stdin from /dev/null, stdout and stderr appended to {@code log/console.out})
 * and waits until its admin channel listens ({@code data/shell.port} appears) and colony:node says it
 * is ready (the services of its roles are registered), so that the next command finds it able to work.
 */
final class BackgroundStart {

    static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    private static final Duration POLL_COMMAND_TIMEOUT = Duration.ofSeconds(10);
    private static final Pattern READY_LINE = Pattern.compile("ready\\s+(.*)");
    private static final int CONSOLE_LINES_SHOWN = 10;

    private final PrintStream out;

    BackgroundStart(PrintStream out) {
        this.out = out;
    }

    /** Starts the node and returns its pid once it is ready. */
    long start(NodeHome home, Path installDirectory, Invocation invocation) throws LauncherException {
        Optional<NodeLock.RunningNode> running = NodeLock.running(home);
        if (running.isPresent()) {
            throw new LauncherException("a node is already running in " + home.root() + " (" + running.get() + ")");
        }
        // a configuration error is reported here rather than in log/console.out
        FrameworkProperties.build(home, installDirectory, invocation, false);
        try {
            // no node runs here, so a port file is left over from one that died
            Files.deleteIfExists(home.portFile());
        } catch (IOException e) {
            throw new LauncherException("cannot remove the stale " + home.portFile(), e);
        }
        long consoleOffset = home.consoleOut().toFile().length();
        Process node = launch(home, invocation);
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        awaitAdminChannel(home, node, consoleOffset, deadline);
        awaitRolesReady(home, node, deadline);
        out.println("Colony node started in " + home.root() + " (pid " + node.pid() + ")");
        return node.pid();
    }

    private static Process launch(NodeHome home, Invocation invocation) throws LauncherException {
        List<String> command = new ArrayList<>();
        executable("setsid").ifPresent(command::add);
        command.add(javaExecutable());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(Command.START.word(), "--home", home.root().toString()));
        invocation.roles().ifPresent(roles -> command.addAll(List.of("--roles", roles)));
        invocation.httpPort().ifPresent(port -> command.addAll(List.of("--http-port", Integer.toString(port))));
        if (invocation.local()) {
            command.add("--local");
        }
        try {
            return new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(home.consoleOut().toFile()))
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new LauncherException("cannot launch the node process", e);
        }
    }

    private static void awaitAdminChannel(NodeHome home, Process node, long consoleOffset, long deadline) throws LauncherException {
        while (!Files.isRegularFile(home.portFile())) {
            if (!node.isAlive()) {
                throw new LauncherException("the node exited with status " + node.exitValue() + " while starting"
                        + consoleTail(home, consoleOffset) + "\nsee " + home.consoleOut() + " and " + home.log().resolve("colony.log"));
            }
            if (System.nanoTime() > deadline) {
                throw new LauncherException("the node (pid " + node.pid() + ") did not open its admin channel within "
                        + READY_TIMEOUT.toSeconds() + " s; it is still running: see " + home.log()
                        + ", stop it with: colony stop --home " + home.root());
            }
            pause();
        }
    }

    /** Asks colony:node until its {@code ready} line says {@code yes}. */
    private static void awaitRolesReady(NodeHome home, Process node, long deadline) throws LauncherException {
        String said = "";
        while (node.isAlive()) {
            said = readiness(home);
            if (said.equals("yes")) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new LauncherException("the node (pid " + node.pid() + ") is not ready after " + READY_TIMEOUT.toSeconds() + " s: "
                        + said + "\nit is still running: see " + home.log() + ", stop it with: colony stop --home " + home.root());
            }
            pause();
        }
        throw new LauncherException("the node exited with status " + node.exitValue() + " while starting (" + said + ")"
                + "\nsee " + home.consoleOut() + " and " + home.log().resolve("colony.log"));
    }

    /** The value of colony:node's ready line, or what went wrong asking for it. */
    private static String readiness(NodeHome home) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (AdminClient client = AdminClient.connect(home)) {
            client.execute("colony:node", output, output, POLL_COMMAND_TIMEOUT);
        } catch (LauncherException e) {
            return e.getMessage();
        }
        String text = output.toString(StandardCharsets.UTF_8);
        return text.lines().map(READY_LINE::matcher).filter(Matcher::matches).map(m -> m.group(1)).findFirst()
                .orElse(text.isBlank() ? "colony:node said nothing" : text.strip());
    }

    private static void pause() throws LauncherException {
        try {
            Thread.sleep(POLL_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted while waiting for the node to start", e);
        }
    }

    /** The last lines the node wrote to log/console.out, from where it began writing. */
    private static String consoleTail(NodeHome home, long offset) {
        try (RandomAccessFile console = new RandomAccessFile(home.consoleOut().toFile(), "r")) {
            console.seek(offset);
            byte[] written = new byte[(int) Math.min(Integer.MAX_VALUE, Math.max(0, console.length() - offset))];
            console.readFully(written);
            List<String> lines = new String(written, StandardCharsets.UTF_8).lines().toList();
            List<String> tail = lines.subList(Math.max(0, lines.size() - CONSOLE_LINES_SHOWN), lines.size());
            return tail.isEmpty() ? "" : ":\n  " + String.join("\n  ", tail);
        } catch (IOException e) {
            return "";
        }
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static Optional<String> executable(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Arrays.stream(path.split(File.pathSeparator))
                .filter(directory -> !directory.isEmpty())
                .map(directory -> Path.of(directory, name))
                .filter(Files::isExecutable)
                .map(Path::toString)
                .findFirst();
    }
}
