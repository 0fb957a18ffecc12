package io.colony.sandbox.internal.compile;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.JavaFileObject.Kind;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;

/**
 * javac's view of files for one compilation: the platform classes of {@code --release} from the JDK, the
 * API's class files as the whole class path, no source path, and class output kept in memory. Nothing is
 * read from or written to the file system by it.
 */
final class InMemoryFileManager extends ForwardingJavaFileManager<StandardJavaFileManager> {

    private final Map<String, List<JavaFileObject>> apiPackages;
    private final Map<String, byte[]> written = new ConcurrentHashMap<>();

    /** @param apiPackages package name to the class files in it */
    InMemoryFileManager(StandardJavaFileManager platform, Map<String, List<JavaFileObject>> apiPackages) throws IOException {
        super(platform);
        this.apiPackages = apiPackages;
        platform.setLocation(StandardLocation.CLASS_PATH, List.of());
        platform.setLocation(StandardLocation.SOURCE_PATH, List.of());
        platform.setLocation(StandardLocation.ANNOTATION_PROCESSOR_PATH, List.of());
    }

    Map<String, byte[]> written() {
        return written;
    }

    @Override
    public Iterable<JavaFileObject> list(Location location, String packageName, Set<Kind> kinds, boolean recurse) throws IOException {
        if (location == StandardLocation.CLASS_PATH) {
            return kinds.contains(Kind.CLASS) ? apiPackages.getOrDefault(packageName, List.of()) : List.of();
        }
        if (location == StandardLocation.SOURCE_PATH || location == StandardLocation.ANNOTATION_PROCESSOR_PATH) {
            return List.of();
        }
        return super.list(location, packageName, kinds, recurse);
    }

    @Override
    public String inferBinaryName(Location location, JavaFileObject file) {
        if (file instanceof ApiClassFile) {
            return ((ApiClassFile) file).binaryName();
        }
        return super.inferBinaryName(location, file);
    }

    @Override
    public boolean hasLocation(Location location) {
        if (location == StandardLocation.CLASS_PATH) {
            return true;
        }
        if (location == StandardLocation.SOURCE_PATH || location == StandardLocation.ANNOTATION_PROCESSOR_PATH) {
            return false;
        }
        return super.hasLocation(location);
    }

    @Override
    public boolean isSameFile(FileObject a, FileObject b) {
        if (a instanceof ApiClassFile || b instanceof ApiClassFile || a instanceof SourceFile || b instanceof SourceFile
                || a instanceof ClassOutput || b instanceof ClassOutput) {
            return a.toUri().equals(b.toUri());
        }
        return super.isSameFile(a, b);
    }

    @Override
    public JavaFileObject getJavaFileForInput(Location location, String className, Kind kind) throws IOException {
        if (location == StandardLocation.CLASS_PATH || location == StandardLocation.SOURCE_PATH) {
            return null;
        }
        return super.getJavaFileForInput(location, className, kind);
    }

    @Override
    public JavaFileObject getJavaFileForOutput(Location location, String className, Kind kind, FileObject sibling) {
        if (location != StandardLocation.CLASS_OUTPUT || kind != Kind.CLASS) {
            throw new UnsupportedOperationException("the sandbox's compiler writes only class files, not " + kind + " to " + location);
        }
        return new ClassOutput(className, written);
    }

    @Override
    public FileObject getFileForOutput(Location location, String packageName, String relativeName, FileObject sibling) {
        throw new UnsupportedOperationException("the sandbox's compiler writes only class files, not " + relativeName);
    }

    @Override
    public ClassLoader getClassLoader(Location location) {
        return null;
    }
}
