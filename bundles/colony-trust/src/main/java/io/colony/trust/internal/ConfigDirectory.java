package io.colony.trust.internal;

import java.nio.file.Path;
import org.osgi.framework.BundleContext;

/**
 * The node's {@code etc/} folder, against which relative file names in the policy resolve: under the
 * launcher's {@code colony.home} framework property, else {@code etc/} in the working directory.
 */
final class ConfigDirectory {

    /** Framework property the launcher sets to the node's home. */
    static final String HOME_PROPERTY = "colony.home";

    private ConfigDirectory() {
    }

    static Path of(BundleContext context) {
        String home = context.getProperty(HOME_PROPERTY);
        Path root = home != null && !home.isBlank() ? Path.of(home) : Path.of("");
        return root.resolve("etc").toAbsolutePath();
    }
}
