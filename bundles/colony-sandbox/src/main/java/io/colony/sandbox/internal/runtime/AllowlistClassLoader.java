package io.colony.sandbox.internal.runtime;

import io.colony.sandbox.internal.compile.SourceCompiler;
import io.colony.sandbox.internal.verify.Allowlist;
import io.colony.sandbox.internal.verify.HardDeny;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Set;

/**
 * The parent of every {@link SandboxClassLoader}: it shows sandboxed code only the JDK classes of the allowlist
 * (not hard-denied), the plugin API package and the {@link Guard}; every other name is a ClassNotFoundException,
 * and it finds no resources. Verification already keeps other names out of the code; this is the second wall.
 */
public final class AllowlistClassLoader extends ClassLoader {

    /**
     * Classes the JVM itself resolves through the sandboxed class's loader for the bootstraps the verifier allows
     * (string concatenation, lambdas, records); sandboxed code cannot name them.
     */
    private static final Set<String> BOOTSTRAP_SUPPORT = Set.of(
            "java.lang.invoke.StringConcatFactory",
            "java.lang.invoke.LambdaMetafactory",
            "java.lang.runtime.ObjectMethods",
            "java.lang.invoke.MethodHandles$Lookup",
            "java.lang.invoke.MethodHandle",
            "java.lang.invoke.MethodType",
            "java.lang.invoke.CallSite",
            "java.lang.invoke.TypeDescriptor");

    static {
        registerAsParallelCapable();
    }

    private final Allowlist allowlist;
    private final HardDeny hardDeny;
    private final ClassLoader api;
    private final ClassLoader platform = ClassLoader.getPlatformClassLoader();

    /** @param api the loader of the plugin API's classes */
    public AllowlistClassLoader(Allowlist allowlist, ClassLoader api) {
        super("colony-sandbox-api", null);
        this.allowlist = allowlist;
        this.hardDeny = HardDeny.builtIn();
        this.api = api;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.equals(Guard.class.getName())) {
            return Guard.class;
        }
        if (name.startsWith(SourceCompiler.API_PACKAGE + ".") && name.indexOf('.', SourceCompiler.API_PACKAGE.length() + 1) < 0) {
            return api.loadClass(name);
        }
        if (BOOTSTRAP_SUPPORT.contains(name) || allowlist.allowsType(name) && hardDeny.type(name).isEmpty()) {
            return platform.loadClass(name);
        }
        throw new ClassNotFoundException(name + " is not available in the source sandbox");
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        throw new ClassNotFoundException(name + " is not available in the source sandbox");
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
