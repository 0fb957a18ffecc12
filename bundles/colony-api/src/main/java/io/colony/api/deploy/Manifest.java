package io.colony.api.deploy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Where a job's plugin comes from when the workers do not have it (topology 2): bundles named by
 * Maven coordinates, resolved with their compile and runtime dependencies from the repositories,
 * installed into each worker's framework before its task runs.
 *
 * @param bundles        {@code group:artifact:version} (also {@code group:artifact:extension:version}
 *                       and {@code group:artifact:extension:classifier:version}) or {@code mvn:group/artifact/version}
 * @param repositories   where to resolve them from, tried in this order
 * @param deleteWhenDone uninstall the bundles when no task uses them any more (the artifacts stay in the
 *                       worker's cache); bundles that were on the worker before are never uninstalled
 */
public record Manifest(List<String> bundles, List<MavenRepository> repositories, boolean deleteWhenDone) {

    /** The most bundles one manifest may name (their dependencies are not counted). */
    public static final int MAX_BUNDLES = 64;
    /** The most repositories one manifest may name. */
    public static final int MAX_REPOSITORIES = 8;

    /** @throws IllegalArgumentException naming the field ({@code bundles[2]}, {@code repositories}) and what is wrong */
    public Manifest {
        if (bundles == null || bundles.isEmpty()) {
            throw new IllegalArgumentException("bundles: name at least one bundle (group:artifact:version)");
        }
        if (bundles.size() > MAX_BUNDLES) {
            throw new IllegalArgumentException("bundles: at most " + MAX_BUNDLES + ", was " + bundles.size());
        }
        List<String> normalised = new ArrayList<>(bundles.size());
        Set<String> seen = new HashSet<>();
        for (int index = 0; index < bundles.size(); index++) {
            Coordinates coordinates;
            try {
                coordinates = Coordinates.parse(bundles.get(index));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("bundles[" + index + "]: " + e.getMessage(), e);
            }
            if (!seen.add(coordinates.toString())) {
                throw new IllegalArgumentException("bundles[" + index + "]: " + coordinates + " is named twice");
            }
            normalised.add(coordinates.toString());
        }
        bundles = List.copyOf(normalised);
        if (repositories == null || repositories.isEmpty()) {
            throw new IllegalArgumentException("repositories: name at least one repository (id and url)");
        }
        if (repositories.size() > MAX_REPOSITORIES) {
            throw new IllegalArgumentException("repositories: at most " + MAX_REPOSITORIES + ", was " + repositories.size());
        }
        repositories = List.copyOf(repositories);
        Set<String> ids = new HashSet<>();
        for (MavenRepository repository : repositories) {
            if (!ids.add(repository.id())) {
                throw new IllegalArgumentException("repositories: id '" + repository.id() + "' is used twice");
            }
        }
    }

    /** The bundles' coordinates, parsed. */
    public List<Coordinates> coordinates() {
        return bundles.stream().map(Coordinates::parse).toList();
    }

    /** The repositories' URLs, in order. */
    public List<String> repositoryUrls() {
        return repositories.stream().map(MavenRepository::url).toList();
    }
}
