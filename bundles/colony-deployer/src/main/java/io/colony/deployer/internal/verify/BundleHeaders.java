package io.colony.deployer.internal.verify;

import io.colony.api.deploy.DeploymentException;
import io.colony.api.deploy.DeploymentException.Reason;
import java.io.IOException;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.osgi.framework.Version;

/**
 * The identity of a bundle in a jar: its symbolic name (without directives), its version, and
 * whether it is a fragment.
 */
public record BundleHeaders(String symbolicName, Version version, boolean fragment) {

    /** {@code symbolicName version}, as the framework and the API name a bundle. */
    public String key() {
        return symbolicName + " " + version;
    }

    /**
     * @throws DeploymentException UNRESOLVED when the jar has no {@code Bundle-SymbolicName} (not an
     *     OSGi bundle), a malformed {@code Bundle-Version}, or cannot be read
     */
    public static BundleHeaders read(Path jar, String coordinates) throws DeploymentException {
        Manifest manifest;
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            manifest = file.getManifest();
        } catch (IOException e) {
            throw new DeploymentException(Reason.UNRESOLVED, coordinates + " is not a readable jar: " + e.getMessage(), e);
        }
        Attributes main = manifest == null ? new Attributes() : manifest.getMainAttributes();
        String name = main.getValue("Bundle-SymbolicName");
        if (name == null || name.isBlank() || name.split(";", 2)[0].isBlank()) {
            throw new DeploymentException(Reason.UNRESOLVED, coordinates + " is not an OSGi bundle (its manifest has no Bundle-SymbolicName)");
        }
        Version version;
        try {
            version = Version.parseVersion(main.getValue("Bundle-Version"));
        } catch (IllegalArgumentException e) {
            throw new DeploymentException(Reason.UNRESOLVED, coordinates + " has a malformed Bundle-Version '"
                    + main.getValue("Bundle-Version") + "': " + e.getMessage(), e);
        }
        return new BundleHeaders(name.split(";", 2)[0].strip(), version, main.getValue("Fragment-Host") != null);
    }
}
