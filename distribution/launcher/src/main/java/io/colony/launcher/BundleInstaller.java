package io.colony.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.startlevel.BundleStartLevel;

/**
 * Installs every jar of {@code bundle/} into a framework that is initialised but not started, gives
 * each its configured start level and marks every non-fragment for starting; the framework starts
 * them level by level when it starts. A jar that cannot be installed is reported and skipped.
 */
final class BundleInstaller {

    private final LauncherLog log;

    BundleInstaller(LauncherLog log) {
        this.log = log;
    }

    List<Bundle> installAll(BundleContext context, Path bundleDirectory, Map<String, String> properties) throws LauncherException {
        List<Bundle> installed = new ArrayList<>();
        for (Path jar : jars(bundleDirectory)) {
            try {
                Bundle bundle = context.installBundle(jar.toUri().toString());
                FrameworkProperties.startLevel(properties, bundle.getSymbolicName())
                        .ifPresent(level -> bundle.adapt(BundleStartLevel.class).setStartLevel(level));
                if (!isFragment(bundle)) {
                    bundle.start();
                }
                installed.add(bundle);
            } catch (BundleException | RuntimeException e) {
                log.error("cannot install " + jar.getFileName() + ": " + Failures.describe(e));
            }
        }
        return installed;
    }

    static boolean isFragment(Bundle bundle) {
        return bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null;
    }

    private static List<Path> jars(Path directory) throws LauncherException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new LauncherException("cannot list the bundles in " + directory, e);
        }
    }
}
