package io.colony.worker.internal.command;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.osgi.framework.BundleContext;

/** Where commands run: {@code <colony.data>/commands}, else {@code commands} in this bundle's own storage. */
final class CommandDataDirectory {

    static final String PROPERTY = "colony.data";
    static final String FOLDER = "commands";

    private CommandDataDirectory() {
    }

    static Path of(BundleContext context) throws IOException {
        String configured = context.getProperty(PROPERTY);
        Path base;
        if (configured != null && !configured.isBlank()) {
            base = Path.of(configured);
        } else {
            File bundleData = context.getDataFile("");
            if (bundleData == null) {
                throw new IllegalStateException("no data directory for commands: set the framework property " + PROPERTY
                        + " (the framework gives this bundle no storage of its own)");
            }
            base = bundleData.toPath();
        }
        return Files.createDirectories(base.toAbsolutePath().resolve(FOLDER));
    }
}
