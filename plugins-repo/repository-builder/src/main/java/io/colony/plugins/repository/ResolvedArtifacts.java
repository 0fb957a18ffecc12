package io.colony.plugins.repository;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.aether.AbstractRepositoryListener;
import org.eclipse.aether.RepositoryEvent;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.WorkspaceRepository;

/**
 * Every artifact the resolver resolved from a repository (not from the workspace): the jars of the
 * dependencies, and every POM the model builder read to know them: their own, their parents', the
 * BOMs they import. That is exactly what a consumer of the same graph will need.
 */
final class ResolvedArtifacts extends AbstractRepositoryListener {

    private final Map<String, Artifact> artifacts = new TreeMap<>();

    @Override
    public synchronized void artifactResolved(RepositoryEvent event) {
        Artifact artifact = event.getArtifact();
        if (artifact == null || artifact.getFile() == null || !event.getExceptions().isEmpty()
                || event.getRepository() instanceof WorkspaceRepository) {
            return;
        }
        Artifact plain = new DefaultArtifact(artifact.getGroupId(), artifact.getArtifactId(), artifact.getClassifier(),
                artifact.getExtension(), artifact.getVersion()).setFile(artifact.getFile());
        artifacts.put(plain.toString(), plain);
    }

    /** The artifacts resolved so far, sorted by coordinates, their files set. */
    synchronized List<Artifact> artifacts() {
        List<Artifact> sorted = new ArrayList<>(artifacts.values());
        sorted.sort(Comparator.comparing(Artifact::toString));
        return sorted;
    }
}
