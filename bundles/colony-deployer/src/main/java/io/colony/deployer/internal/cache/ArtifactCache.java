package io.colony.deployer.internal.cache;

import io.colony.api.deploy.CachedArtifact;
import io.colony.api.deploy.Coordinates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The node's artifact cache: the local Maven repository all deployments share. An artifact's last use
 * is its file's modification time (set when a deployment uses it; release artifacts never change, so
 * the resolver does not care).
 */
public final class ArtifactCache {

    private static final List<String> SIDE_FILES = List.of(".sha1", ".md5", ".sha256", ".sha512", ".asc", ".lastUpdated", ".part", ".lock");

    private final Path root;
    private final Clock clock;

    public ArtifactCache(Path root, Clock clock) {
        this.root = root.toAbsolutePath();
        this.clock = clock;
    }

    public Path root() {
        return root;
    }

    /** Records that a deployment used these files now. */
    public void touch(Collection<Path> files) {
        FileTime now = FileTime.from(clock.instant());
        for (Path file : files) {
            try {
                Files.setLastModifiedTime(file, now);
            } catch (IOException e) {
                // the file is gone (cleaned meanwhile): nothing to record
            }
        }
    }

    /**
     * The artifacts in the cache, sorted by coordinates.
     *
     * @param inUse the coordinates ({@code group:artifact:version}) live deployments use; a POM counts as
     *              used with its jar
     */
    public List<CachedArtifact> list(Set<String> inUse) {
        return entries().stream().map(entry -> entry.describe(inUse)).sorted(Comparator.comparing(CachedArtifact::coordinates)).toList();
    }

    /**
     * Removes the artifacts no live deployment uses, with their checksums and the folders left empty.
     *
     * @return the artifacts removed
     */
    public List<CachedArtifact> clean(Set<String> inUse) {
        List<CachedArtifact> removed = new ArrayList<>();
        for (Entry entry : entries()) {
            CachedArtifact artifact = entry.describe(inUse);
            if (artifact.inUse()) {
                continue;
            }
            try {
                Files.deleteIfExists(entry.file);
                for (String suffix : SIDE_FILES) {
                    Files.deleteIfExists(entry.file.resolveSibling(entry.file.getFileName() + suffix));
                }
                removed.add(artifact);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove " + entry.file + " from the artifact cache", e);
            }
        }
        pruneFolders();
        return removed.stream().sorted(Comparator.comparing(CachedArtifact::coordinates)).toList();
    }

    private List<Entry> entries() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile).filter(ArtifactCache::isArtifact).forEach(file -> {
                Entry entry = Entry.of(root, file);
                if (entry != null) {
                    entries.add(entry);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the artifact cache " + root, e);
        }
        return entries;
    }

    private static boolean isArtifact(Path file) {
        String name = file.getFileName().toString();
        return !name.startsWith(".") && !name.startsWith("maven-metadata") && !name.equals("_remote.repositories")
                && !name.equals("resolver-status.properties") && SIDE_FILES.stream().noneMatch(name::endsWith);
    }

    /** Removes the version, artifact and group folders that hold no artifact any more. */
    private void pruneFolders() {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            List<Path> folders = paths.filter(Files::isDirectory).filter(folder -> !folder.equals(root))
                    .sorted(Comparator.comparing(Path::getNameCount).reversed()).toList();
            for (Path folder : folders) {
                if (holdsNoArtifact(folder)) {
                    deleteTree(folder);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot tidy the artifact cache " + root, e);
        }
    }

    private static boolean holdsNoArtifact(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).noneMatch(ArtifactCache::isArtifact);
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (DirectoryStream<Path> children = Files.newDirectoryStream(folder)) {
            for (Path child : children) {
                if (Files.isDirectory(child)) {
                    deleteTree(child);
                } else {
                    Files.deleteIfExists(child);
                }
            }
        }
        Files.deleteIfExists(folder);
    }

    /** One artifact file, with the coordinates its place in the repository layout gives it. */
    private record Entry(Path file, String coordinates, String gav, boolean pom) {

        static Entry of(Path root, Path file) {
            Path relative = root.relativize(file);
            int count = relative.getNameCount();
            if (count < 4) {
                return null;
            }
            String version = relative.getName(count - 2).toString();
            String artifactId = relative.getName(count - 3).toString();
            String groupId = relative.subpath(0, count - 3).toString().replace(relative.getFileSystem().getSeparator(), ".");
            String name = relative.getFileName().toString();
            String gav = groupId + ":" + artifactId + ":" + version;
            String prefix = artifactId + "-" + version;
            if (!name.startsWith(prefix) || name.length() == prefix.length()) {
                return new Entry(file, gav + " (" + name + ")", gav, name.endsWith(".pom"));
            }
            String rest = name.substring(prefix.length());
            String classifier = "";
            String extension;
            if (rest.startsWith("-") && rest.indexOf('.') > 1) {
                classifier = rest.substring(1, rest.indexOf('.'));
                extension = rest.substring(rest.indexOf('.') + 1);
            } else if (rest.startsWith(".")) {
                extension = rest.substring(1);
            } else {
                return new Entry(file, gav + " (" + name + ")", gav, name.endsWith(".pom"));
            }
            try {
                return new Entry(file, new Coordinates(groupId, artifactId, extension, classifier, version).toString(), gav, extension.equals("pom"));
            } catch (IllegalArgumentException e) {
                return new Entry(file, gav + " (" + name + ")", gav, extension.equals("pom"));
            }
        }

        CachedArtifact describe(Set<String> inUse) {
            boolean used = inUse.contains(coordinates) || (pom && inUse.contains(gav));
            try {
                return new CachedArtifact(coordinates, Files.size(file), Files.getLastModifiedTime(file).toInstant(), used);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
    }
}
