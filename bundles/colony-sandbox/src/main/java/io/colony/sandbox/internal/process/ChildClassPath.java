package io.colony.sandbox.internal.process;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a child JVM finds its classes: only what {@link ChildClasses} names, never the worker's
 * whole class path. In OSGi a jar assembled from the bundles' entries ({@link BundleClassPath}); in
 * unit tests and other plain JVMs the directories and jars the classes were loaded from
 * ({@link CodeSourceClassPath}).
 */
public interface ChildClassPath {

    /** The class path of a child, in order; may build files on the first call. */
    List<Path> entries() throws IOException;
}
