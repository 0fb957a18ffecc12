package io.colony.sandbox.internal.runtime;

import io.colony.sandbox.internal.compile.CompiledClasses;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;

/**
 * Defines the verified, instrumented classes of one run of a job's source; everything else comes from its
 * {@link AllowlistClassLoader} parent. One per run, so that no static state is shared between runs; it finds
 * no resources.
 */
public final class SandboxClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final CompiledClasses classes;

    public SandboxClassLoader(AllowlistClassLoader parent, CompiledClasses classes) {
        super("colony-sandbox", parent);
        this.classes = classes;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                loaded = classes.contains(name) ? findClass(name) : getParent().loadClass(name);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        if (!classes.contains(name)) {
            throw new ClassNotFoundException(name + " is not a class of the job's source");
        }
        byte[] bytes = classes.bytes(name);
        return defineClass(name, bytes, 0, bytes.length);
    }

    @Override
    public URL getResource(String name) {
        return null;
    }

    @Override
    public Enumeration<URL> getResources(String name) {
        return Collections.emptyEnumeration();
    }
}
