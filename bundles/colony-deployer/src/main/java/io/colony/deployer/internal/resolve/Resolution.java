package io.colony.deployer.internal.resolve;

import io.colony.api.deploy.Coordinates;
import io.colony.api.deploy.DeploymentException;
import io.colony.api.deploy.DeploymentException.Reason;
import io.colony.api.deploy.MavenRepository;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.aether.RepositoryException;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.DependencyFilter;
import org.eclipse.aether.graph.DependencyNode;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;
import org.eclipse.aether.util.graph.visitor.FilteringDependencyVisitor;
import org.eclipse.aether.util.graph.visitor.PreorderNodeListGenerator;

/**
 * One resolution, in two steps so that the trust policy can look between them: {@link #collect}
 * reads the POMs and names every artifact (the compile and runtime dependencies, transitively,
 * without optional ones); {@link #download} fetches the artifacts themselves.
 */
public final class Resolution {

    /** The most artifacts one manifest may resolve to, its bundles and their dependencies. */
    public static final int MAX_ARTIFACTS = 500;

    private static final DependencyFilter COMPILE_AND_RUNTIME = DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME);

    private final RepositorySystem system;
    private final RepositorySystemSession session;
    private final List<MavenRepository> repositories;
    private final DownloadCounter downloads;
    private DependencyNode root;
    private List<Coordinates> collected = List.of();

    Resolution(RepositorySystem system, RepositorySystemSession session, List<MavenRepository> repositories, DownloadCounter downloads) {
        this.system = system;
        this.session = session;
        this.repositories = repositories;
        this.downloads = downloads;
    }

    /**
     * Collects the dependency graph of the bundles.
     *
     * @return every artifact to install: the bundles first, in their order, then their dependencies
     */
    public List<Coordinates> collect(List<Coordinates> bundles) throws DeploymentException {
        CollectRequest request = new CollectRequest();
        for (Coordinates bundle : bundles) {
            request.addDependency(new Dependency(MavenNames.artifact(bundle), JavaScopes.COMPILE));
        }
        request.setRepositories(MavenNames.remotes(repositories));
        request.setRequestContext("colony-deployer");
        try (OwnClassLoader ignored = OwnClassLoader.set()) {
            root = system.collectDependencies(session, request).getRoot();
        } catch (RepositoryException e) {
            throw ResolutionFailures.of(e, repositories);
        }
        PreorderNodeListGenerator nodes = new PreorderNodeListGenerator();
        root.accept(new FilteringDependencyVisitor(nodes, COMPILE_AND_RUNTIME));
        Map<String, Coordinates> ordered = new LinkedHashMap<>();
        for (Coordinates bundle : bundles) {
            ordered.put(bundle.toString(), bundle);
        }
        for (DependencyNode node : nodes.getNodes()) {
            if (node.getDependency() != null) {
                Coordinates coordinates = accepted(node.getArtifact());
                ordered.putIfAbsent(coordinates.toString(), coordinates);
            }
        }
        if (ordered.size() > MAX_ARTIFACTS) {
            throw new DeploymentException(Reason.UNRESOLVED, "the manifest's bundles resolve to " + ordered.size()
                    + " artifacts; at most " + MAX_ARTIFACTS + " are accepted");
        }
        collected = List.copyOf(ordered.values());
        return collected;
    }

    /** Downloads what {@link #collect} named (or finds it in the cache), in the same order. */
    public List<FetchedArtifact> download() throws DeploymentException {
        if (root == null) {
            throw new IllegalStateException("collect first");
        }
        List<ArtifactResult> results;
        try (OwnClassLoader ignored = OwnClassLoader.set()) {
            results = system.resolveDependencies(session, new DependencyRequest(root, COMPILE_AND_RUNTIME)).getArtifactResults();
        } catch (RepositoryException e) {
            throw ResolutionFailures.of(e, repositories);
        }
        Map<String, FetchedArtifact> byCoordinates = new LinkedHashMap<>();
        for (ArtifactResult result : results) {
            Artifact artifact = result.getArtifact();
            Coordinates coordinates = accepted(artifact);
            String repositoryId = downloads.repositoryOf(artifact.getFile().toPath()).orElse(FetchedArtifact.CACHE);
            byCoordinates.put(coordinates.toString(), new FetchedArtifact(coordinates, artifact.getFile().toPath(), repositoryId));
        }
        List<FetchedArtifact> fetched = new ArrayList<>(collected.size());
        for (Coordinates coordinates : collected) {
            FetchedArtifact artifact = byCoordinates.get(coordinates.toString());
            if (artifact == null) {
                throw new DeploymentException(Reason.NOT_FOUND, coordinates + " was collected but not resolved from "
                        + MavenNames.describe(repositories));
            }
            fetched.add(artifact);
        }
        return fetched;
    }

    /** Whether nothing was fetched from a repository (POMs included). */
    public boolean fromCache() {
        return downloads.downloads() == 0;
    }

    private static Coordinates accepted(Artifact artifact) throws DeploymentException {
        try {
            return MavenNames.coordinates(artifact);
        } catch (IllegalArgumentException e) {
            throw new DeploymentException(Reason.UNRESOLVED, "dependency " + artifact + " has coordinates Colony does not accept: " + e.getMessage(), e);
        }
    }
}
