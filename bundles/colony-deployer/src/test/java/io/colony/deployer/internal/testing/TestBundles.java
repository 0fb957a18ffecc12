package io.colony.deployer.internal.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Small generated jars: bundles with the headers given, and plain jars. */
public final class TestBundles {

    private TestBundles() {
    }

    /** A bundle with one class-like entry, so that signing covers something outside META-INF. */
    public static Path bundle(Path dir, String symbolicName, String version, Map<String, String> headers) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", version);
        headers.forEach(main::putValue);
        return write(dir.resolve(symbolicName + "-" + version + ".jar"), manifest, symbolicName);
    }

    /** A jar without OSGi headers. */
    public static Path plainJar(Path dir, String name) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        return write(dir.resolve(name + ".jar"), manifest, name);
    }

    private static Path write(Path jar, Manifest manifest, String content) throws IOException {
        Files.createDirectories(jar.getParent());
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out, manifest)) {
            zip.putNextEntry(new JarEntry("data/" + content.replace('.', '/') + ".txt"));
            zip.write(("content of " + content).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return jar;
    }
}
