package io.colony.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.felix.framework.Felix;
import org.apache.felix.framework.util.FelixConstants;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;

/**
 * Runs a node in this process, with the Gogo console when the process has a terminal: locks the home, starts Felix with the bundles of {@code bundle/} and
 * waits until the framework stops: the Gogo console closed, or SIGTERM (a shutdown hook stops the
 * framework, waiting at most {@link #STOP_TIMEOUT}).
 */
final class NodeRunner {

    static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final LauncherLog log;

    NodeRunner(LauncherLog log) {
        this.log = log;
    }

    int run(NodeHome home, Path installDirectory, Invocation invocation) throws LauncherException {
        boolean console = Terminals.isInteractive();
        Map<String, String> properties = FrameworkProperties.build(home, installDirectory, invocation, console);
        try (NodeLock lock = NodeLock.acquire(home)) {
            deleteStalePortFile(home);
            publishAsSystemProperties(FrameworkProperties.directories(home, installDirectory), console);
            Framework framework = createFramework(properties);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stop(framework, "the process is ending");
                lock.close();
            }, "colony-shutdown"));
            try {
                start(framework, installDirectory.resolve("bundle"), properties, home);
            } catch (LauncherException e) {
                stop(framework, "it failed to start");
                throw e;
            }
            FrameworkEvent stopped = waitForStop(framework);
            log.info("Colony node in " + home.root() + " stopped");
            return stopped.getType() == FrameworkEvent.ERROR ? LauncherException.FAILED : 0;
        }
    }

    private static void deleteStalePortFile(NodeHome home) throws LauncherException {
        try {
            Files.deleteIfExists(home.portFile());
        } catch (IOException e) {
            throw new LauncherException("cannot remove the stale " + home.portFile(), e);
        }
    }

    /**
     * The directories, so that etc/log4j2.xml can name the log folder as ${sys:colony.log}; AWT never
     * opens a window; without a console, JLine makes a dumb terminal without warning about it.
     */
    private static void publishAsSystemProperties(Map<String, String> directories, boolean console) {
        directories.forEach(System::setProperty);
        System.setProperty("java.awt.headless", "true");
        if (!console) {
            System.setProperty("org.jline.terminal.dumb", "true");
        }
    }

    private Framework createFramework(Map<String, String> properties) throws LauncherException {
        Map<String, Object> configuration = new HashMap<>(properties);
        configuration.put(FelixConstants.LOG_LOGGER_PROP, new FelixLogger(log));
        Felix framework = new Felix(configuration);
        try {
            framework.init();
        } catch (BundleException | RuntimeException e) {
            throw new LauncherException("cannot initialise the OSGi framework", e);
        }
        return framework;
    }

    private void start(Framework framework, Path bundleDirectory, Map<String, String> properties, NodeHome home) throws LauncherException {
        long began = System.nanoTime();
        List<Bundle> bundles = new BundleInstaller(log).installAll(framework.getBundleContext(), bundleDirectory, properties);
        try {
            framework.start();
        } catch (BundleException | RuntimeException e) {
            throw new LauncherException("cannot start the OSGi framework", e);
        }
        List<String> inactive = bundles.stream()
                .filter(bundle -> !BundleInstaller.isFragment(bundle) && bundle.getState() != Bundle.ACTIVE)
                .map(FelixLogger::describe)
                .toList();
        long elapsed = Duration.ofNanos(System.nanoTime() - began).toMillis();
        log.info("Colony node started in " + home.root() + " (pid " + ProcessHandle.current().pid() + "): "
                + (bundles.size() - inactive.size()) + " bundles active in " + elapsed + " ms");
        if (!inactive.isEmpty()) {
            log.warn("not active: " + String.join(", ", inactive));
        }
    }

    private FrameworkEvent waitForStop(Framework framework) throws LauncherException {
        try {
            return framework.waitForStop(0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted while the node ran", e);
        }
    }

    private void stop(Framework framework, String reason) {
        if ((framework.getState() & (Bundle.STARTING | Bundle.ACTIVE)) == 0) {
            return;
        }
        log.info("stopping the node: " + reason);
        try {
            framework.stop();
            FrameworkEvent event = framework.waitForStop(STOP_TIMEOUT.toMillis());
            if (event.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
                log.warn("the framework did not stop within " + STOP_TIMEOUT.toSeconds() + " s");
            }
        } catch (BundleException e) {
            log.error("cannot stop the framework: " + Failures.describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
