package io.colony.plugins.repository;

import java.io.File;
import java.util.List;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.repository.WorkspaceReader;
import org.eclipse.aether.repository.WorkspaceRepository;

/**
 * Serves the sample plugins' POMs and jars from the build's files, so that they are resolved as a
 * worker will resolve them (their POM read by the model builder) without being installed anywhere.
 */
final class SamplePluginsWorkspace implements WorkspaceReader {

    private final WorkspaceRepository repository = new WorkspaceRepository("colony-sample-plugins");
    private final List<SamplePlugin> plugins;

    SamplePluginsWorkspace(List<SamplePlugin> plugins) {
        this.plugins = List.copyOf(plugins);
    }

    @Override
    public WorkspaceRepository getRepository() {
        return repository;
    }

    @Override
    public File findArtifact(Artifact artifact) {
        for (SamplePlugin plugin : plugins) {
            for (Artifact candidate : List.of(plugin.pom(), plugin.jar())) {
                if (sameCoordinates(candidate, artifact)) {
                    return candidate.getFile();
                }
            }
        }
        return null;
    }

    @Override
    public List<String> findVersions(Artifact artifact) {
        return plugins.stream()
                .map(SamplePlugin::jar)
                .filter(jar -> jar.getGroupId().equals(artifact.getGroupId()) && jar.getArtifactId().equals(artifact.getArtifactId()))
                .map(Artifact::getVersion)
                .toList();
    }

    private static boolean sameCoordinates(Artifact a, Artifact b) {
        return a.getGroupId().equals(b.getGroupId()) && a.getArtifactId().equals(b.getArtifactId())
                && a.getClassifier().equals(b.getClassifier()) && a.getExtension().equals(b.getExtension())
                && a.getVersion().equals(b.getVersion());
    }
}
