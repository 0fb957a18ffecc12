package io.colony.sandbox.internal.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassJarTest {

    @TempDir
    Path directory;

    @Test
    void takesClassFilesAndResourcesButNoMetadataTheFirstOfEachPathWithTheirDirectories() throws IOException {
        ClassJar jar = new ClassJar();
        jar.add("/a/B.class", () -> new ByteArrayInputStream(new byte[] { 1 }));
        jar.add("a/B.class", () -> new ByteArrayInputStream(new byte[] { 2 }));
        jar.add("a/allowlist.txt", () -> new ByteArrayInputStream(new byte[] { 3 }));
        jar.add("OSGI-INF/component.xml", () -> new ByteArrayInputStream(new byte[] { 6 }));
        jar.add("a/", () -> new ByteArrayInputStream(new byte[0]));
        jar.add("META-INF/versions/9/a/C.class", () -> new ByteArrayInputStream(new byte[] { 4 }));
        jar.add("module-info.class", () -> new ByteArrayInputStream(new byte[] { 5 }));
        Path file = directory.resolve("child.jar");
        jar.writeTo(file);

        try (JarFile written = new JarFile(file.toFile())) {
            List<String> names = new ArrayList<>();
            written.stream().map(JarEntry::getName).forEach(names::add);
            assertEquals(List.of("META-INF/MANIFEST.MF", "a/", "a/B.class", "a/allowlist.txt"), names);
            assertEquals(1, written.getInputStream(written.getEntry("a/B.class")).read());
        }
    }
}
