package io.colony.sandbox.internal.compile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The API's class files from the directory or jar that holds a class of the package, as on a plain class
 * path (unit tests, a child JVM).
 */
public final class ClassPathApiClassFiles implements ApiClassFiles {

    private final ClassLoader loader;

    public ClassPathApiClassFiles(ClassLoader loader) {
        this.loader = loader;
    }

    @Override
    public Map<String, byte[]> classFiles(String packageName) throws IOException {
        String directory = packageName.replace('.', '/');
        URL anchor = loader.getResource(directory);
        if (anchor == null) {
            throw new IOException("package " + packageName + " is not on the class path");
        }
        Map<String, byte[]> classes = new TreeMap<>();
        if (anchor.getProtocol().equals("jar")) {
            JarURLConnection connection = (JarURLConnection) anchor.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                Enumeration<JarEntry> entries = jar.entries();
                while (entries.hasMoreElements()) {
                    JarEntry entry = entries.nextElement();
                    String file = entry.getName();
                    if (isClassDirectlyIn(directory, file)) {
                        try (InputStream in = jar.getInputStream(entry)) {
                            classes.put(binaryName(file), in.readAllBytes());
                        }
                    }
                }
            }
        } else if (anchor.getProtocol().equals("file")) {
            Path path;
            try {
                path = Path.of(anchor.toURI());
            } catch (URISyntaxException e) {
                throw new IOException("package " + packageName + ": unreadable location " + anchor, e);
            }
            try (Stream<Path> files = Files.list(path)) {
                files.filter(file -> file.getFileName().toString().endsWith(".class")).forEach(file -> {
                    try {
                        classes.put(binaryName(directory + "/" + file.getFileName()), Files.readAllBytes(file));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        } else {
            throw new IOException("package " + packageName + ": cannot list " + anchor);
        }
        return classes;
    }

    static boolean isClassDirectlyIn(String directory, String file) {
        return file.startsWith(directory + "/") && file.endsWith(".class") && file.indexOf('/', directory.length() + 1) < 0;
    }

    static String binaryName(String classFile) {
        return classFile.substring(0, classFile.length() - ".class".length()).replace('/', '.');
    }
}
