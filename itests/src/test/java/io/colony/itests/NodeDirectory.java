package io.colony.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The built distribution, unpacked under target/ by the build: the node the tests run. */
final class NodeDirectory {

    private NodeDirectory() {
    }

    static Path root() {
        String dir = System.getProperty("colony.node.dir");
        if (dir == null || !Files.isDirectory(Path.of(dir, "bundle"))) {
            throw new IllegalStateException("colony.node.dir (" + dir + ") is not an unpacked distribution: run the tests through Maven");
        }
        return Path.of(dir).toAbsolutePath();
    }

    /** The framework and Colony bundles a node starts. */
    static List<Path> bundles() {
        return jars(root().resolve("bundle"));
    }

    /** A sample plugin bundle shipped in deploy/, by its file-name prefix (colony-plugin-primes...). */
    static Path samplePlugin(String artifactId) {
        return jars(root().resolve("deploy")).stream()
                .filter(jar -> jar.getFileName().toString().startsWith(artifactId))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(artifactId + " is not in " + root().resolve("deploy")));
    }

    private static List<Path> jars(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
