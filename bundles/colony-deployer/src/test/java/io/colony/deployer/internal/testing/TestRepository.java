package io.colony.deployer.internal.testing;

import io.colony.api.deploy.Coordinates;
import io.colony.api.deploy.MavenRepository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.deployment.DeployRequest;
import org.eclipse.aether.deployment.DeploymentException;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.supplier.RepositorySystemSupplier;

/**
 * A file Maven repository made by maven-resolver's own deploy (real checksums and metadata), with
 * generated bundles and POMs.
 */
public final class TestRepository implements AutoCloseable {

    /** A dependency in a generated POM. */
    public record Dependency(String coordinates, String scope, boolean optional) {

        public static Dependency compile(String coordinates) {
            return new Dependency(coordinates, "compile", false);
        }
    }

    private final Path root;
    private final Path work;
    private final RepositorySystem system = new RepositorySystemSupplier().get();
    private final DefaultRepositorySystemSession session;

    public TestRepository(Path dir) throws IOException {
        this.root = Files.createDirectories(dir.resolve("repository"));
        this.work = Files.createDirectories(dir.resolve("work"));
        this.session = MavenRepositorySystemUtils.newSession();
        session.setSystemProperties(System.getProperties());
        session.setLocalRepositoryManager(system.newLocalRepositoryManager(session, new LocalRepository(work.resolve("local").toFile())));
    }

    public Path root() {
        return root;
    }

    public MavenRepository repository(String id) {
        return new MavenRepository(id, root.toUri().toString());
    }

    /** Deploys a generated bundle (symbolic name = artifactId) with a POM naming its dependencies. */
    public Path bundle(String coordinates, java.util.Map<String, String> headers, Dependency... dependencies) throws IOException {
        Coordinates c = Coordinates.parse(coordinates);
        Path jar = TestBundles.bundle(work.resolve("jars"), c.artifactId(), c.version(), headers);
        deploy(c, jar, pom(c, List.of(dependencies)));
        return jar;
    }

    /** Deploys a jar as it is, with a POM naming its dependencies. */
    public void deploy(Coordinates c, Path jar, String pom) throws IOException {
        Path pomFile = work.resolve("poms").resolve(c.artifactId() + "-" + c.version() + ".pom");
        Files.createDirectories(pomFile.getParent());
        Files.writeString(pomFile, pom, StandardCharsets.UTF_8);
        Artifact artifact = new DefaultArtifact(c.groupId(), c.artifactId(), c.classifier(), c.extension(), c.version()).setFile(jar.toFile());
        Artifact pomArtifact = new DefaultArtifact(c.groupId(), c.artifactId(), "", "pom", c.version()).setFile(pomFile.toFile());
        DeployRequest request = new DeployRequest();
        request.addArtifact(artifact).addArtifact(pomArtifact);
        request.setRepository(new RemoteRepository.Builder("fixture", "default", root.toUri().toString()).build());
        try {
            system.deploy(session, request);
        } catch (DeploymentException e) {
            throw new IOException("cannot deploy " + c, e);
        }
    }

    /** A copy of the repository in which the artifact's jar is replaced by other bytes (its checksums stay). */
    public Path tamperedCopy(Path target, Coordinates c) throws IOException {
        copyTree(root, target);
        Path jar = target.resolve(c.groupId().replace('.', '/')).resolve(c.artifactId()).resolve(c.version())
                .resolve(c.artifactId() + "-" + c.version() + ".jar");
        Path evil = TestBundles.bundle(work.resolve("evil"), c.artifactId(), c.version(), java.util.Map.of("X-Evil", "true"));
        Files.copy(evil, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    public static String pom(Coordinates c, List<Dependency> dependencies) {
        StringBuilder pom = new StringBuilder();
        pom.append("<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n  <modelVersion>4.0.0</modelVersion>\n")
                .append("  <groupId>").append(c.groupId()).append("</groupId>\n")
                .append("  <artifactId>").append(c.artifactId()).append("</artifactId>\n")
                .append("  <version>").append(c.version()).append("</version>\n")
                .append("  <dependencies>\n");
        for (Dependency d : dependencies) {
            Coordinates dc = Coordinates.parse(d.coordinates());
            pom.append("    <dependency><groupId>").append(dc.groupId()).append("</groupId><artifactId>").append(dc.artifactId())
                    .append("</artifactId><version>").append(dc.version()).append("</version><scope>").append(d.scope())
                    .append("</scope><optional>").append(d.optional()).append("</optional></dependency>\n");
        }
        return pom.append("  </dependencies>\n</project>\n").toString();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }

    @Override
    public void close() {
        system.shutdown();
    }
}
