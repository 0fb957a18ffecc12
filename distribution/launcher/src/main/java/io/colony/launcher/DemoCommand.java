package io.colony.launcher;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code demo}: starts a node in the background (or uses the one running in the home), submits the two
 * sample jobs to its manager through the admin channel (split across every worker the manager knows),
 * prints their progress and results, and stops the node again.
 */
final class DemoCommand {

    static final List<String> SAMPLE_PLUGINS = List.of("primes", "mandelbrot");
    private static final Duration PLUGINS_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration SHORT_COMMAND_TIMEOUT = Duration.ofSeconds(30);

    private final PrintStream out;
    private final PrintStream err;

    DemoCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(NodeHome home, Path installDirectory, Invocation invocation) throws LauncherException {
        provideSamplePlugins(home, installDirectory);
        boolean startedHere = NodeLock.running(home).isEmpty();
        if (startedHere) {
            new BackgroundStart(out).start(home, installDirectory, invocation);
        } else {
            out.println("Using the node already running in " + home.root());
        }
        boolean succeeded;
        try {
            succeeded = runSamples(home);
        } finally {
            if (startedHere && !invocation.keepRunning()) {
                new NodeControl(out).stop(home, NodeControl.DEFAULT_STOP_TIMEOUT);
            }
        }
        if (startedHere && invocation.keepRunning()) {
            out.println("The node keeps running; stop it with: colony stop --home " + home.root());
        }
        return succeeded ? 0 : LauncherException.FAILED;
    }

    /** A home made with --home starts with an empty deploy/: it gets the install's sample plugins. */
    private static void provideSamplePlugins(NodeHome home, Path installDirectory) throws LauncherException {
        Path samples = installDirectory.resolve("deploy");
        if (samples.equals(home.deploy()) || !Files.isDirectory(samples)) {
            return;
        }
        try (Stream<Path> jars = Files.list(samples)) {
            for (Path jar : (Iterable<Path>) jars.filter(file -> file.toString().endsWith(".jar"))::iterator) {
                Path target = home.deploy().resolve(jar.getFileName().toString());
                if (!Files.exists(target)) {
                    Files.copy(jar, target);
                }
            }
        } catch (IOException e) {
            throw new LauncherException("cannot copy the sample plugins into " + home.deploy(), e);
        }
    }

    private boolean runSamples(NodeHome home) throws LauncherException {
        Path results = home.data().resolve("results");
        Path image = results.resolve("mandelbrot.png");
        Path primesJob = results.resolve("primes-job.json");
        Path mandelbrotJob = results.resolve("mandelbrot-job.json");
        try {
            Files.createDirectories(results);
            Files.deleteIfExists(image);
            Files.writeString(primesJob, "{\"plugin\": \"primes\", \"input\": {\"from\": 1, \"to\": 50000000}, \"chunks\": 8}\n");
            Files.writeString(mandelbrotJob, "{\"plugin\": \"mandelbrot\", \"input\": {\"width\": 1600, \"height\": 1200,"
                    + " \"maxIterations\": 800}, \"chunks\": 16}\n");
        } catch (IOException e) {
            throw new LauncherException("cannot write the sample jobs into " + results, e);
        }
        try (AdminClient client = AdminClient.connect(home)) {
            awaitSamplePlugins(client);
            boolean succeeded = step(client, "colony:workers", SHORT_COMMAND_TIMEOUT);
            succeeded &= step(client, "colony:submit " + GogoQuoting.quote(primesJob.toString()), JOB_TIMEOUT);
            boolean rendered = step(client, "colony:submit --output " + GogoQuoting.quote(image.toString()) + " "
                    + GogoQuoting.quote(mandelbrotJob.toString()), JOB_TIMEOUT);
            if (rendered) {
                out.println("The Mandelbrot image was written to " + image);
            }
            return succeeded && rendered;
        }
    }

    private boolean step(AdminClient client, String commandLine, Duration timeout) throws LauncherException {
        out.println();
        out.println("colony> " + commandLine);
        long began = System.nanoTime();
        int status = client.execute(commandLine, out, err, timeout);
        long elapsed = Duration.ofNanos(System.nanoTime() - began).toMillis();
        if (status != 0) {
            err.println("colony: demo step failed with status " + status + ": " + commandLine);
            return false;
        }
        out.println("(" + elapsed + " ms)");
        return true;
    }

    /**
     * Plugins in deploy/ are installed by FileInstall shortly after the admin channel opens, and the manager
     * learns about them from its worker a moment later.
     */
    private void awaitSamplePlugins(AdminClient client) throws LauncherException {
        long deadline = System.nanoTime() + PLUGINS_TIMEOUT.toNanos();
        String listing = "";
        while (System.nanoTime() < deadline) {
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            int status = client.execute("colony:workers", output, output, SHORT_COMMAND_TIMEOUT);
            listing = output.toString(StandardCharsets.UTF_8);
            if (status == 0 && SAMPLE_PLUGINS.stream().allMatch(listing::contains)) {
                return;
            }
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LauncherException("interrupted while waiting for the sample plugins", e);
            }
        }
        throw new LauncherException("the sample plugins " + SAMPLE_PLUGINS + " did not appear within "
                + PLUGINS_TIMEOUT.toSeconds() + " s on the manager's workers; colony:workers said: " + listing.trim());
    }
}
