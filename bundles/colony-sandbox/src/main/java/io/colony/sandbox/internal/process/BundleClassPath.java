package io.colony.sandbox.internal.process;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * A child's class path in OSGi: one jar, in the sandbox bundle's data area, holding the class files
 * and resources (the allowlist) of the bundles that provide {@link ChildClasses} (a bundle's location is not always a file, so the
 * entries are copied). The jar is named after those bundles' ids, versions and modification times
 * and built again when one of them changes.
 */
public final class BundleClassPath implements ChildClassPath {

    private static final String DIRECTORY = "child-classpath";

    private final BundleContext context;
    private final Function<Class<?>, Bundle> bundleOf;
    private Path jar;

    /** @param context the sandbox bundle's, for its data area */
    public BundleClassPath(BundleContext context) {
        this(context, FrameworkUtil::getBundle);
    }

    /** @param bundleOf the bundle that provides a class, or null */
    BundleClassPath(BundleContext context, Function<Class<?>, Bundle> bundleOf) {
        this.context = context;
        this.bundleOf = bundleOf;
    }

    @Override
    public synchronized List<Path> entries() throws IOException {
        List<Bundle> bundles = providers();
        File data = context.getDataFile(DIRECTORY);
        if (data == null) {
            throw new IOException("the OSGi framework gives the sandbox bundle no data area, so the class path of a child JVM cannot be written");
        }
        Path directory = data.toPath();
        Path wanted = directory.resolve("child-" + key(bundles) + ".jar");
        if (!wanted.equals(jar) || !Files.isRegularFile(wanted)) {
            Files.createDirectories(directory);
            if (!Files.isRegularFile(wanted)) {
                build(bundles).writeTo(wanted);
            }
            removeOthers(directory, wanted);
            jar = wanted;
        }
        return List.of(jar);
    }

    private List<Bundle> providers() throws IOException {
        Set<Bundle> bundles = new LinkedHashSet<>();
        for (Class<?> anchor : ChildClasses.anchors()) {
            Bundle bundle = bundleOf.apply(anchor);
            if (bundle == null) {
                throw new IOException("the classes of " + anchor.getPackageName() + " do not come from a bundle");
            }
            bundles.add(bundle);
        }
        return new ArrayList<>(bundles);
    }

    private static ClassJar build(List<Bundle> bundles) throws IOException {
        ClassJar classes = new ClassJar();
        for (Bundle bundle : bundles) {
            Enumeration<URL> entries = bundle.findEntries("/", "*", true);
            while (entries != null && entries.hasMoreElements()) {
                URL entry = entries.nextElement();
                classes.add(entry.getPath(), entry::openStream);
            }
        }
        if (classes.size() == 0) {
            throw new IOException("the bundles " + bundles + " hold no entries to copy for a child JVM");
        }
        return classes;
    }

    private static String key(List<Bundle> bundles) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Bundle bundle : bundles) {
                String id = bundle.getBundleId() + "/" + bundle.getSymbolicName() + "/" + bundle.getVersion() + "/" + bundle.getLastModified() + ";";
                sha.update(id.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static void removeOthers(Path directory, Path keep) throws IOException {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(directory, "child-*.jar")) {
            for (Path other : jars) {
                if (!other.equals(keep)) {
                    Files.deleteIfExists(other);
                }
            }
        }
    }
}
