package io.colony.sandbox.internal.compile;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;
import org.osgi.framework.Bundle;

/** The API's class files from the bundle that exports the API (colony-api), read as bundle entries. */
public final class BundleApiClassFiles implements ApiClassFiles {

    private final Bundle bundle;

    public BundleApiClassFiles(Bundle bundle) {
        this.bundle = bundle;
    }

    @Override
    public Map<String, byte[]> classFiles(String packageName) throws IOException {
        String directory = packageName.replace('.', '/');
        Enumeration<URL> entries = bundle.findEntries(directory, "*.class", false);
        if (entries == null) {
            throw new IOException("package " + packageName + " has no classes in bundle " + bundle.getSymbolicName());
        }
        Map<String, byte[]> classes = new TreeMap<>();
        while (entries.hasMoreElements()) {
            URL entry = entries.nextElement();
            String path = entry.getPath().startsWith("/") ? entry.getPath().substring(1) : entry.getPath();
            if (ClassPathApiClassFiles.isClassDirectlyIn(directory, path)) {
                try (InputStream in = entry.openStream()) {
                    classes.put(ClassPathApiClassFiles.binaryName(path), in.readAllBytes());
                }
            }
        }
        return classes;
    }
}
