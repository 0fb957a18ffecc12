package io.colony.sandbox.internal.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Writes class files and resources from several sources into one jar, for a child JVM's class path. */
final class ClassJar {

    /** Opens one class file. */
    @FunctionalInterface
    interface Opener {
        InputStream open() throws IOException;
    }

    private final Map<String, Opener> entries = new TreeMap<>();

    /**
     * Adds a class file or resource unless one of that path was added before. A bundle's own metadata
     * ({@code META-INF/}, {@code OSGI-INF/}), directories and {@code module-info.class} are left out: the
     * child runs on a plain class path.
     *
     * @param path the entry's path, such as {@code io/colony/api/plugin/Plugin.class}
     */
    void add(String path, Opener opener) {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        if (!relative.isEmpty() && !relative.endsWith("/") && !relative.startsWith("META-INF/") && !relative.startsWith("OSGI-INF/")
                && !relative.endsWith("module-info.class")) {
            entries.putIfAbsent(relative, opener);
        }
    }

    int size() {
        return entries.size();
    }

    /** Directory entries too, as a build tool writes them: a class loader finds a package only through them. */
    private static void addDirectories(JarOutputStream out, String path, Set<String> written) throws IOException {
        for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
            String directory = path.substring(0, slash + 1);
            if (written.add(directory)) {
                out.putNextEntry(new JarEntry(directory));
                out.closeEntry();
            }
        }
    }

    /** Writes the jar next to its target first and then moves it, so that a reader never sees half a jar. */
    void writeTo(Path jar) throws IOException {
        Path partial = Files.createTempFile(jar.getParent(), jar.getFileName().toString(), ".partial");
        try {
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            try (OutputStream file = Files.newOutputStream(partial); JarOutputStream out = new JarOutputStream(file, manifest)) {
                Set<String> directories = new HashSet<>();
                for (Map.Entry<String, Opener> entry : entries.entrySet()) {
                    addDirectories(out, entry.getKey(), directories);
                    out.putNextEntry(new JarEntry(entry.getKey()));
                    try (InputStream in = entry.getValue().open()) {
                        in.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
            Files.move(partial, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
