package io.colony.deployer.internal;

import java.io.File;
import java.nio.file.Path;
import org.osgi.framework.BundleContext;

/** The node's data folder: the launcher's {@code colony.data} framework property, else this bundle's own storage. */
final class DataDirectory {

    static final String PROPERTY = "colony.data";

    private DataDirectory() {
    }

    static Path of(BundleContext context) {
        String configured = context.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        File bundleData = context.getDataFile("");
        if (bundleData == null) {
            throw new IllegalStateException("no data directory: set the framework property " + PROPERTY
                    + " (the framework gives this bundle no storage of its own)");
        }
        return bundleData.toPath().toAbsolutePath();
    }
}
