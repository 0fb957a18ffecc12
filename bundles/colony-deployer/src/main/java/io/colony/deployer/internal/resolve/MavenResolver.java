package io.colony.deployer.internal.resolve;

import io.colony.api.deploy.MavenRepository;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.eclipse.aether.ConfigurationProperties;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifactType;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RepositoryPolicy;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.util.artifact.DefaultArtifactTypeRegistry;
import org.eclipse.aether.util.repository.SimpleArtifactDescriptorPolicy;

/**
 * maven-resolver, standalone (its supplier wires the components without Sisu or Guice), over one
 * local repository: the node's artifact cache, shared by every resolution.
 */
public final class MavenResolver implements AutoCloseable {

    private final RepositorySystem system;
    private final Path localRepository;

    public MavenResolver(Path localRepository) {
        this.localRepository = localRepository.toAbsolutePath();
        try (OwnClassLoader ignored = OwnClassLoader.set()) {
            this.system = new RepositorySystemSupplier().get();
        }
    }

    public Path localRepository() {
        return localRepository;
    }

    /** A new resolution from these repositories, with its own session (and count of downloads). */
    public Resolution start(List<MavenRepository> repositories, ResolverSettings settings) {
        DownloadCounter downloads = new DownloadCounter();
        return new Resolution(system, session(settings, downloads), repositories, downloads);
    }

    private DefaultRepositorySystemSession session(ResolverSettings settings, DownloadCounter downloads) {
        DefaultRepositorySystemSession session = MavenRepositorySystemUtils.newSession();
        // without the JVM's properties, profiles activated by the JDK version (commons-parent has some)
        // are never active, and their dependencies silently vanish
        session.setSystemProperties(System.getProperties());
        session.setConfigProperty(ConfigurationProperties.CONNECT_TIMEOUT, (int) settings.connectTimeout().toMillis());
        session.setConfigProperty(ConfigurationProperties.REQUEST_TIMEOUT, (int) settings.requestTimeout().toMillis());
        session.setConfigProperty(ConfigurationProperties.HTTP_RETRY_HANDLER_COUNT, 1);
        session.setConfigProperty(ConfigurationProperties.USER_AGENT, "Colony deployer");
        session.setChecksumPolicy(RepositoryPolicy.CHECKSUM_POLICY_FAIL);
        // only the manifest's repositories are asked (the trust policy checked those), never ones a POM declares
        session.setIgnoreArtifactDescriptorRepositories(true);
        // a missing POM means no dependencies (the artifact itself must still be found); a broken one fails
        session.setArtifactDescriptorPolicy(new SimpleArtifactDescriptorPolicy(true, false));
        // OSGi projects name their bundle dependencies with <type>bundle</type>: a jar
        ((DefaultArtifactTypeRegistry) session.getArtifactTypeRegistry()).add(new DefaultArtifactType("bundle", "jar", "", "java"));
        session.setTransferListener(downloads);
        session.setLocalRepositoryManager(system.newLocalRepositoryManager(session, new LocalRepository(localRepository.toFile())));
        return session;
    }

    @Override
    public void close() {
        system.shutdown();
    }
}
