package io.colony.itests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/** A node started from the built distribution as a real process, and its bin/colony commands. */
final class NodeProcess implements AutoCloseable {

    /** What a bin/colony command printed and how it ended. */
    record Result(int status, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path home;
    private final UnaryOperator<List<String>> place;
    private final Process process;

    private NodeProcess(Path home, UnaryOperator<List<String>> place, Process process) {
        this.home = home;
        this.place = place;
        this.process = process;
    }

    /** Starts a node in its own home (a fresh folder) and waits until its admin channel listens. */
    static NodeProcess start(Path home, String... options) throws IOException, InterruptedException {
        return start(home, UnaryOperator.identity(), options);
    }

    /**
     * Starts a node where {@code place} puts its commands (inside a network namespace, say); its
     * client commands run there too, since the admin channel listens on that place's loopback.
     */
    static NodeProcess start(Path home, UnaryOperator<List<String>> place, String... options) throws IOException, InterruptedException {
        Files.createDirectories(home);
        List<String> command = new ArrayList<>(List.of(colony().toString(), "start", "--home", home.toString()));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(place.apply(command))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(home.resolveSibling(home.getFileName() + ".out").toFile())
                .redirectErrorStream(true)
                .start();
        NodeProcess node = new NodeProcess(home, place, process);
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!Files.exists(home.resolve("data/shell.port"))) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the node exited with status " + process.exitValue() + ": " + node.console());
            }
            if (System.nanoTime() > deadline) {
                node.close();
                throw new IllegalStateException("the node did not open its admin channel within " + START_TIMEOUT + ": " + node.console());
            }
            Thread.sleep(100);
        }
        return node;
    }

    /**
     * Makes a node home with the install's etc/ and the given settings appended to its *.cfg files
     * (file name to lines), as an operator would before the first start.
     */
    static Path prepareHome(Path home, Map<String, String> settings) throws IOException {
        Path etc = Files.createDirectories(home.resolve("etc"));
        try (Stream<Path> files = Files.list(NodeDirectory.root().resolve("etc"))) {
            for (Path file : files.toList()) {
                Files.copy(file, etc.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            Files.writeString(etc.resolve(setting.getKey()), "\n" + setting.getValue() + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        return home;
    }

    /** The id the node chose (its data/node.id), once it has started. */
    String id() throws IOException {
        return Files.readString(home.resolve("data/node.id")).trim();
    }

    static Path colony() {
        return NodeDirectory.root().resolve("bin/colony");
    }

    Path home() {
        return home;
    }

    Process process() {
        return process;
    }

    /** The process id of the node's JVM: bin/colony execs java, and start without --background runs the node in it. */
    long pid() {
        return process.pid();
    }

    /**
     * kill -9: SIGKILL to the node's JVM (the process this class launched, see {@link #pid()}), which
     * gets no chance to stop anything; waits until it is gone.
     */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new AssertionError("node " + home + " (pid " + process.pid() + ") still runs 10 s after SIGKILL");
        }
    }

    /** The CPU time the node's JVM has used so far (user and system), as the OS reports it. */
    Duration cpuTime() {
        return process.info().totalCpuDuration()
                .orElseThrow(() -> new AssertionError("the OS does not report the CPU time of pid " + process.pid()));
    }

    /** Runs {@code bin/colony client --home <home> <command...>}. */
    Result client(String... command) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of("client", "--home", home.toString()));
        arguments.addAll(List.of(command));
        return run(arguments, place);
    }

    /** Runs the client command until its output passes the check, or fails after a timeout. */
    Result awaitClient(Predicate<Result> check, Duration timeout, String... command) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Result result = client(command);
        while (!check.test(result)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("after " + timeout + ", '" + String.join(" ", command) + "' still printed: " + result);
            }
            Thread.sleep(200);
            result = client(command);
        }
        return result;
    }

    /** Runs {@code bin/colony <arguments...>} and waits for it, with a timeout. */
    static Result run(List<String> arguments) throws IOException, InterruptedException {
        return run(arguments, UnaryOperator.identity());
    }

    static Result run(List<String> arguments, UnaryOperator<List<String>> place) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(colony().toString());
        command.addAll(arguments);
        Path out = Files.createTempFile("colony-out", ".txt");
        Path err = Files.createTempFile("colony-err", ".txt");
        try {
            Process process = new ProcessBuilder(place.apply(command))
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("'" + String.join(" ", command) + "' did not finish within " + COMMAND_TIMEOUT);
            }
            return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** What the node printed on its console. */
    String console() throws IOException {
        Path console = home.resolveSibling(home.getFileName() + ".out");
        return Files.exists(console) ? Files.readString(console, StandardCharsets.UTF_8) : "";
    }

    /** Kills the node if a test left it running; tests that check shutdown stop it themselves. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
