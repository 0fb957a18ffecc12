package io.colony.plugins.repository;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.deployment.DeployRequest;
import org.eclipse.aether.deployment.DeploymentException;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.repository.RepositoryPolicy;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;

/**
 * Writes {@code plugins-repo/repository}: a file-based Maven 2 repository holding the sample plugins
 * and everything a manifest job needs to resolve them offline. Run by the build (exec-maven-plugin,
 * phase {@code package} of this module), in a JVM of its own:
 *
 * <pre>
 * PluginsRepositoryBuilder --repository DIR --source MAVEN_LOCAL_REPO --work DIR --timestamp ISO_INSTANT
 *                          target/ARTIFACT-VERSION.pom...
 * </pre>
 *
 * <ol>
 * <li>Each argument names a sample plugin's flattened POM (no parent, no test dependencies); its
 * bundle is the {@code .jar} of the same name beside it.
 * <li>Each plugin is resolved as a worker will resolve it (transitive compile and runtime scopes,
 * its POM read by the model builder), its own files served from the build, everything else from
 * the Maven local repository {@code --source} (read as a file repository, never written: the build
 * already fetched there what the plugins depend on). A listener records every artifact resolved:
 * the dependencies' jars and every POM the model builder read (theirs, their parents', imported
 * BOMs).
 * <li>The plugins' POMs and jars and the recorded artifacts are deployed into {@code --repository}
 * with maven-resolver's {@link RepositorySystem#deploy}, as {@code mvn deploy} does: SHA-1 and MD5
 * files for every file, {@code maven-metadata.xml} (with its checksums) per artifact, its
 * {@code lastUpdated} set to {@code --timestamp} (the build's {@code project.build.outputTimestamp})
 * so that the same build writes the same bytes.
 * </ol>
 *
 * The tool needs no network and works in Maven's offline mode, where maven-deploy-plugin refuses to
 * deploy. The build empties the repository before: the result holds this build's files only.
 */
public final class PluginsRepositoryBuilder {

    /** The checksums written beside every file. */
    static final String CHECKSUM_ALGORITHMS = "SHA-1,MD5";

    private PluginsRepositoryBuilder() {
    }

    public static void main(String[] args) throws Exception {
        Arguments arguments = Arguments.parse(args);
        List<SamplePlugin> plugins = new ArrayList<>();
        for (Path pom : arguments.poms()) {
            plugins.add(SamplePlugin.read(pom));
        }
        for (Artifact artifact : build(arguments.repository(), arguments.source(), arguments.work(), arguments.timestamp(), plugins)) {
            System.out.println("plugins-repo: deployed " + artifact + " to " + arguments.repository());
        }
    }

    /**
     * Deploys the plugins and what they need into {@code repository}.
     *
     * @return the artifacts deployed, plugins first
     */
    static List<Artifact> build(Path repository, Path source, Path work, Instant timestamp, List<SamplePlugin> plugins)
            throws IOException, DependencyResolutionException, DeploymentException {
        if (!Files.isDirectory(source)) {
            throw new IllegalArgumentException("--source " + source + ": not a directory (the Maven local repository)");
        }
        Files.createDirectories(repository);
        Files.createDirectories(work);
        RepositorySystem system = new RepositorySystemSupplier().get();
        try {
            DefaultRepositorySystemSession session = MavenRepositorySystemUtils.newSession();
            // without them, POMs with JDK-activated profiles (commons-parent) yield no dependencies
            session.setSystemProperties(System.getProperties());
            session.setConfigProperty("maven.startTime", Date.from(timestamp));
            session.setConfigProperty("aether.checksums.algorithms", CHECKSUM_ALGORITHMS);
            session.setLocalRepositoryManager(system.newLocalRepositoryManager(session, new LocalRepository(work.toFile())));
            // only Maven's local repository, never the repositories POMs declare (Maven Central, from the super POM):
            // no network, and a file missing from the local repository is an error here rather than a download
            session.setIgnoreArtifactDescriptorRepositories(true);
            session.setWorkspaceReader(new SamplePluginsWorkspace(plugins));
            ResolvedArtifacts resolved = new ResolvedArtifacts();
            session.setRepositoryListener(resolved);

            // Maven's local repository holds what Maven downloaded with a .sha1 beside it; warn as Maven does
            RemoteRepository mavenLocal = new RemoteRepository.Builder("maven-local-repository", "default", source.toUri().toString())
                    .setPolicy(new RepositoryPolicy(true, RepositoryPolicy.UPDATE_POLICY_NEVER, RepositoryPolicy.CHECKSUM_POLICY_WARN))
                    .build();
            for (SamplePlugin plugin : plugins) {
                CollectRequest collect = new CollectRequest(new Dependency(withoutFile(plugin.jar()), JavaScopes.COMPILE), List.of(mavenLocal));
                system.resolveDependencies(session, new DependencyRequest(collect,
                        DependencyFilterUtils.classpathFilter(JavaScopes.COMPILE, JavaScopes.RUNTIME)));
            }

            Set<String> pluginKeys = new LinkedHashSet<>();
            List<Artifact> artifacts = new ArrayList<>();
            for (SamplePlugin plugin : plugins) {
                pluginKeys.add(plugin.key());
                artifacts.add(plugin.pom());
                artifacts.add(plugin.jar());
            }
            for (Artifact artifact : resolved.artifacts()) {
                if (pluginKeys.contains(artifact.getGroupId() + ":" + artifact.getArtifactId())) {
                    continue;
                }
                if (artifact.isSnapshot()) {
                    throw new IllegalStateException(artifact + ": a sample plugin depends on a SNAPSHOT, which would be"
                            + " deployed again under a new timestamp at every build; depend on releases only");
                }
                artifacts.add(artifact);
            }
            RemoteRepository target = new RemoteRepository.Builder("colony-plugins-repo", "default", repository.toUri().toString()).build();
            DeployRequest deploy = new DeployRequest().setRepository(target);
            artifacts.forEach(deploy::addArtifact);
            system.deploy(session, deploy);
            return artifacts;
        } finally {
            system.shutdown();
        }
    }

    private static Artifact withoutFile(Artifact artifact) {
        return artifact.setFile(null);
    }

    /** The command line, validated. */
    record Arguments(Path repository, Path source, Path work, Instant timestamp, List<Path> poms) {

        static Arguments parse(String... args) {
            Path repository = null;
            Path source = null;
            Path work = null;
            Instant timestamp = null;
            List<Path> poms = new ArrayList<>();
            for (int index = 0; index < args.length; index++) {
                String arg = args[index];
                if (arg.startsWith("--")) {
                    if (index + 1 == args.length) {
                        throw new IllegalArgumentException(arg + ": needs a value");
                    }
                    String value = args[++index];
                    switch (arg) {
                        case "--repository" -> repository = Path.of(value).toAbsolutePath().normalize();
                        case "--source" -> source = Path.of(value).toAbsolutePath().normalize();
                        case "--work" -> work = Path.of(value).toAbsolutePath().normalize();
                        case "--timestamp" -> timestamp = parseTimestamp(value);
                        default -> throw new IllegalArgumentException(arg + ": unknown option; the options are"
                                + " --repository, --source, --work and --timestamp");
                    }
                } else {
                    poms.add(Path.of(arg).toAbsolutePath().normalize());
                }
            }
            if (repository == null || source == null || work == null || timestamp == null) {
                throw new IllegalArgumentException("usage: --repository DIR --source MAVEN_LOCAL_REPOSITORY --work DIR"
                        + " --timestamp ISO_INSTANT POM...; --repository, --source, --work and --timestamp are required");
            }
            if (poms.isEmpty()) {
                throw new IllegalArgumentException("no POM given: name the flattened POM of each sample plugin");
            }
            return new Arguments(repository, source, work, timestamp, List.copyOf(poms));
        }

        /** {@code project.build.outputTimestamp}: an ISO-8601 date-time with an offset, or seconds since the epoch. */
        static Instant parseTimestamp(String value) {
            try {
                if (value.chars().allMatch(Character::isDigit) && !value.isEmpty()) {
                    return Instant.ofEpochSecond(Long.parseLong(value));
                }
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException | NumberFormatException e) {
                throw new IllegalArgumentException("--timestamp " + value
                        + ": expected an ISO-8601 date-time with an offset (2026-11-23T00:00:00Z) or seconds since the epoch", e);
            }
        }
    }
}
