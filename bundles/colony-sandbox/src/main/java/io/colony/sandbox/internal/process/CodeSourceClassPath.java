package io.colony.sandbox.internal.process;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The directories and jars that {@link ChildClasses} were loaded from: a child's class path outside OSGi. */
public final class CodeSourceClassPath implements ChildClassPath {

    @Override
    public List<Path> entries() throws IOException {
        Set<Path> entries = new LinkedHashSet<>();
        for (Class<?> anchor : ChildClasses.anchors()) {
            entries.add(locationOf(anchor));
        }
        return new ArrayList<>(entries);
    }

    private static Path locationOf(Class<?> anchor) throws IOException {
        CodeSource source = anchor.getProtectionDomain().getCodeSource();
        URL location = source == null ? null : source.getLocation();
        if (location == null || !location.getProtocol().equals("file")) {
            throw new IOException("the classes of " + anchor.getPackageName() + " were not loaded from a file (" + location
                    + "), so a child JVM cannot load them; in OSGi use the bundle class path");
        }
        try {
            return Path.of(location.toURI());
        } catch (URISyntaxException e) {
            throw new IOException("the location of " + anchor.getPackageName() + " is not a file URI: " + location, e);
        }
    }
}
