package io.colony.sandbox.internal.process;

import static io.colony.sandbox.internal.run.Programs.plugin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.api.plugin.Payload;
import io.colony.api.source.Isolation;
import io.colony.api.source.SandboxPolicy;
import io.colony.sandbox.internal.run.PreparedProgram;
import io.colony.sandbox.internal.run.TestContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;

/**
 * The class path a child gets in OSGi, without a framework: bundles stand in for the jars and directories of the
 * test class path, and serve their entries through {@code bundle:} URLs as a framework does.
 */
class BundleClassPathTest {

    @TempDir
    Path data;
    @TempDir
    Path work;

    private final Map<Path, Bundle> bundles = new HashMap<>();

    @Test
    void aChildStartedFromTheJarOfTheBundlesEntriesRunsAProgram() throws Exception {
        BundleClassPath classPath = new BundleClassPath(context(), this::bundleOf);
        List<Path> entries = classPath.entries();
        assertEquals(1, entries.size());
        assertTrue(entries.get(0).startsWith(data.resolve("child-classpath")), entries.toString());
        try (JarFile jar = new JarFile(entries.get(0).toFile())) {
            assertTrue(jar.getEntry("io/colony/sandbox/internal/process/child/ChildMain.class") != null);
            assertTrue(jar.getEntry("io/colony/api/plugin/") != null, "directory entries, so that the compiler can list the API package");
            assertTrue(jar.getEntry("com/fasterxml/jackson/databind/ObjectMapper.class") != null);
            assertTrue(jar.getEntry("io/colony/sandbox/internal/verify/allowlist.txt") != null, "the sandbox's resources");
        }

        try (ProcessIsolation isolation = new ProcessIsolation(ProcessSettings.defaults(work), classPath)) {
            PreparedProgram program = isolation.preparer().prepare(plugin(
                    "        record Sum(long total) { } return context.json().encode(new Sum(input.asText().length() * 2L));"), List.of());
            SandboxPolicy policy = new SandboxPolicy(Isolation.PROCESS, Duration.ofSeconds(30), Duration.ofSeconds(30), 64L << 20, 1 << 20, 1 << 16,
                    List.of());
            assertEquals("{\"total\":10}", isolation.runner().run(program, Payload.text("hello"), new TestContext(), policy).asText());
        }
    }

    @Test
    void theJarIsKeptWhileTheBundlesAreTheSameAndReplacedWhenOneChanges() throws Exception {
        BundleClassPath classPath = new BundleClassPath(context(), this::bundleOf);
        Path first = classPath.entries().get(0);
        assertEquals(first, classPath.entries().get(0));
        lastModified = 42;
        Path second = new BundleClassPath(context(), this::bundleOf).entries().get(0);
        assertTrue(!first.equals(second) && Files.exists(second), first + " then " + second);
        try (Stream<Path> jars = Files.list(data.resolve("child-classpath"))) {
            assertEquals(List.of(second), jars.toList(), "the outdated jar is removed");
        }
    }

    @Test
    void aClassNotFromABundleIsReported() {
        BundleClassPath classPath = new BundleClassPath(context(), anchor -> null);
        IOException thrown = assertThrows(IOException.class, classPath::entries);
        assertTrue(thrown.getMessage().contains("do not come from a bundle"), thrown.getMessage());
    }

    private long lastModified = 1;

    private BundleContext context() {
        return proxy(BundleContext.class, (method, args) -> {
            if (method.equals("getDataFile")) {
                return data.resolve((String) args[0]).toFile();
            }
            throw new UnsupportedOperationException(method);
        });
    }

    /** The bundle standing in for the directory or jar a class was loaded from. */
    private Bundle bundleOf(Class<?> anchor) {
        Path location;
        try {
            location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return bundles.computeIfAbsent(location, this::bundle);
    }

    private Bundle bundle(Path location) {
        long id = bundles.size() + 1;
        return proxy(Bundle.class, (method, args) -> {
            switch (method) {
                case "getBundleId":
                    return id;
                case "getSymbolicName":
                    return location.getFileName().toString();
                case "getVersion":
                    return Version.emptyVersion;
                case "getLastModified":
                    return lastModified;
                case "findEntries":
                    return entries(location, id);
                case "hashCode":
                    return (int) id;
                case "equals":
                    return false;
                case "toString":
                    return "bundle " + id + " " + location;
                default:
                    throw new UnsupportedOperationException(method);
            }
        });
    }

    /** The files of a directory or jar as {@code bundle://id/path} URLs, as Bundle.findEntries gives them. */
    private static Enumeration<URL> entries(Path location, long id) {
        Map<String, Opener> files = new HashMap<>();
        try {
            if (Files.isDirectory(location)) {
                try (Stream<Path> walk = Files.walk(location)) {
                    walk.filter(Files::isRegularFile)
                            .forEach(file -> files.put("/" + location.relativize(file).toString().replace('\\', '/'), () -> Files.newInputStream(file)));
                }
            } else {
                try (JarFile jar = new JarFile(location.toFile())) {
                    jar.stream().filter(entry -> !entry.isDirectory()).forEach(entry -> files.put("/" + entry.getName(), () -> {
                        JarFile open = new JarFile(location.toFile());
                        return new java.io.FilterInputStream(open.getInputStream(open.getEntry(entry.getName()))) {
                            @Override
                            public void close() throws IOException {
                                super.close();
                                open.close();
                            }
                        };
                    }));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<URL> urls = files.entrySet().stream().map(file -> url(id, file.getKey(), file.getValue())).toList();
        return Collections.enumeration(urls);
    }

    private interface Opener {
        InputStream open() throws IOException;
    }

    @SuppressWarnings("deprecation")
    private static URL url(long id, String path, Opener opener) {
        try {
            return new URL(null, "bundle://" + id + ".0:1" + path, new URLStreamHandler() { // URL.of is Java 20
                @Override
                protected URLConnection openConnection(URL url) {
                    return new URLConnection(url) {
                        @Override
                        public void connect() {
                        }

                        @Override
                        public InputStream getInputStream() throws IOException {
                            return opener.open();
                        }
                    };
                }
            });
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Handler {
        Object call(String method, Object[] args);
    }

    private static <T> T proxy(Class<T> type, Handler handler) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> handler.call(method.getName(), args)));
    }
}
