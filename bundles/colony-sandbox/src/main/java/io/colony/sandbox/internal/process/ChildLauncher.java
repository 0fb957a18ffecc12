package io.colony.sandbox.internal.process;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Starts child JVMs: a fresh directory, the command of {@link JavaCommand}, an empty environment,
 * the stream threads from a bounded pool, and the hello answered within the start timeout.
 */
final class ChildLauncher implements AutoCloseable {

    private final ProcessSettings settings;
    private final ChildClassPath classPath;
    private final JavaCommand command;
    private final ThreadPoolExecutor streams;
    private final Consumer<ProcessHandle> started;

    ChildLauncher(ProcessSettings settings, ChildClassPath classPath) {
        this(settings, classPath, child -> { });
    }

    /** @param started told of every child process as soon as it started (tests watch them end) */
    ChildLauncher(ProcessSettings settings, ChildClassPath classPath, Consumer<ProcessHandle> started) {
        this(settings, classPath, started, new JavaCommand(settings));
    }

    ChildLauncher(ProcessSettings settings, ChildClassPath classPath, Consumer<ProcessHandle> started, JavaCommand command) {
        this.started = started;
        this.settings = settings;
        this.classPath = classPath;
        this.command = command;
        int threads = 3 * (settings.maxChildren() + settings.warmChildren() + 1);
        this.streams = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(threads), daemons());
        this.streams.allowCoreThreadTimeOut(true);
    }

    /**
     * @param heapBytes the child's maximum heap
     * @throws ChildStartException when it cannot be started or does not answer within the start timeout
     */
    Child launch(long heapBytes) throws IOException, InterruptedException {
        RunDirectory directory = RunDirectory.create(settings.workDirectory());
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(command.build(heapBytes, directory, classPath.entries())).directory(directory.path().toFile());
            builder.environment().clear();
            process = builder.start();
            started.accept(process.toHandle());
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw new ChildStartException("a child JVM could not be started with " + command.java() + ": " + e.getMessage(), e);
        }
        Child child = new Child(process, directory, heapBytes, settings.stderrLines(), streams);
        try {
            child.startReading();
            child.sendHello();
            awaitHello(child);
            return child;
        } catch (IOException | InterruptedException | RuntimeException e) {
            closeQuietly(child);
            if (e instanceof RejectedExecutionException) {
                throw new ChildStartException("no thread is free to read a new child JVM's output (" + streams.getMaximumPoolSize() + " in use)");
            }
            throw e;
        }
    }

    private void awaitHello(Child child) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + settings.startTimeout().toNanos();
        while (true) {
            ChildEvent event = child.poll(Duration.ofNanos(deadline - System.nanoTime()));
            if (event instanceof ChildEvent.Hello) {
                return;
            }
            if (event == null) {
                throw new ChildStartException("the child JVM " + child.pid() + " did not answer within " + settings.startTimeout().toMillis()
                        + " ms after it was started" + StderrText.of(child.stderrTail()));
            }
            if (event instanceof ChildEvent.Broken broken) {
                throw new ChildStartException("the child JVM " + child.pid() + " did not start properly: " + broken.cause().getMessage()
                        + StderrText.of(child.stderrTail()));
            }
            throw new ChildStartException("the child JVM " + child.pid() + " ended as it started" + exitText(child)
                    + StderrText.of(child.stderrTail()));
        }
    }

    private static String exitText(Child child) throws InterruptedException {
        return child.awaitExit(Duration.ofSeconds(2)).stream().mapToObj(code -> ": " + Conversation.describeExit(code)).findFirst().orElse("");
    }

    private static void closeQuietly(Child child) {
        try {
            child.close();
        } catch (IOException e) {
            // the start failed already; that is what the caller hears about
        }
    }

    List<Path> classPath() throws IOException {
        return classPath.entries();
    }

    @Override
    public void close() {
        streams.shutdownNow();
    }

    private static ThreadFactory daemons() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "colony-sandbox-child-streams-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
