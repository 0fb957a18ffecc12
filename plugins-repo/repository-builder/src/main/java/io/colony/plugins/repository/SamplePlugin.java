package io.colony.plugins.repository;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.model.Model;
import org.apache.maven.model.io.xpp3.MavenXpp3Reader;
import org.codehaus.plexus.util.xml.pull.XmlPullParserException;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;

/**
 * A sample plugin as the build made it: its flattened POM {@code target/ARTIFACT-VERSION.pom} and,
 * beside it, its bundle {@code target/ARTIFACT-VERSION.jar}.
 *
 * @param pom the POM artifact, its file set
 * @param jar the jar artifact, its file set
 */
record SamplePlugin(Artifact pom, Artifact jar) {

    /**
     * Reads a flattened POM and finds the jar beside it.
     *
     * @throws IllegalArgumentException when the POM is not a standalone POM of a released jar (it has
     *     a parent, lacks coordinates, is a SNAPSHOT or not a jar), or the jar is missing, saying why
     */
    static SamplePlugin read(Path pomFile) throws IOException {
        Model model;
        try (Reader reader = Files.newBufferedReader(pomFile)) {
            model = new MavenXpp3Reader().read(reader, true);
        } catch (XmlPullParserException e) {
            throw new IllegalArgumentException(pomFile + ": not a POM: " + e.getMessage(), e);
        }
        if (model.getParent() != null) {
            throw new IllegalArgumentException(pomFile + ": has a parent (" + model.getParent().getId()
                    + "); deploy a flattened POM, whose consumers need nothing else");
        }
        String groupId = require(model.getGroupId(), "groupId", pomFile);
        String artifactId = require(model.getArtifactId(), "artifactId", pomFile);
        String version = require(model.getVersion(), "version", pomFile);
        if (version.contains("${")) {
            throw new IllegalArgumentException(pomFile + ": version " + version + " is not interpolated");
        }
        if (version.endsWith("-SNAPSHOT")) {
            throw new IllegalArgumentException(pomFile + ": version " + version
                    + " is a SNAPSHOT, which every deployment would add again under a new timestamp; give the sample a release version");
        }
        if (!"jar".equals(model.getPackaging())) {
            throw new IllegalArgumentException(pomFile + ": packaging " + model.getPackaging() + ", expected jar");
        }
        Path jarFile = pomFile.resolveSibling(artifactId + "-" + version + ".jar");
        if (!Files.isRegularFile(jarFile)) {
            throw new IllegalArgumentException(jarFile + ": no such jar beside " + pomFile.getFileName()
                    + "; the module must be packaged first");
        }
        return new SamplePlugin(
                new DefaultArtifact(groupId, artifactId, "", "pom", version).setFile(pomFile.toFile()),
                new DefaultArtifact(groupId, artifactId, "", "jar", version).setFile(jarFile.toFile()));
    }

    /** {@code groupId:artifactId}. */
    String key() {
        return jar.getGroupId() + ":" + jar.getArtifactId();
    }

    private static String require(String value, String field, Path pomFile) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(pomFile + ": no " + field);
        }
        return value.strip();
    }
}
