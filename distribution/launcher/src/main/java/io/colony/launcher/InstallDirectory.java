package io.colony.launcher;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;

/** Where Colony is installed: {@code bin/colony} says so; else it is the parent of the launcher jar's {@code lib/}. */
final class InstallDirectory {

    /** System property set by {@code bin/colony}. */
    static final String PROPERTY = "colony.install";

    private InstallDirectory() {
    }

    static Path locate() throws LauncherException {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        CodeSource codeSource = Main.class.getProtectionDomain().getCodeSource();
        if (codeSource == null || codeSource.getLocation() == null) {
            throw unknown(null);
        }
        try {
            Path launcher = Path.of(codeSource.getLocation().toURI()).toAbsolutePath();
            Path lib = Files.isDirectory(launcher) ? launcher : launcher.getParent();
            return lib.getParent().normalize();
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw unknown(e);
        }
    }

    private static LauncherException unknown(Throwable cause) {
        return new LauncherException("cannot tell where Colony is installed; set -D" + PROPERTY + "=DIR", cause);
    }
}
