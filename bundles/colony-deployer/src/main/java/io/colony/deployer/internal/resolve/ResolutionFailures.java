package io.colony.deployer.internal.resolve;

import io.colony.api.deploy.DeploymentException;
import io.colony.api.deploy.DeploymentException.Reason;
import io.colony.api.deploy.MavenRepository;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.eclipse.aether.RepositoryException;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.collection.DependencyCollectionException;
import org.eclipse.aether.resolution.ArtifactDescriptorException;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.transfer.ArtifactNotFoundException;
import org.eclipse.aether.transfer.ArtifactTransferException;
import org.eclipse.aether.transfer.ChecksumFailureException;

/**
 * Turns what maven-resolver throws into a {@link DeploymentException} that names the artifact: a
 * checksum mismatch (from any repository) comes first, then an artifact no repository has, then a
 * repository that could not be read.
 */
public final class ResolutionFailures {

    private ResolutionFailures() {
    }

    public static DeploymentException of(RepositoryException failure, List<MavenRepository> repositories) {
        List<Throwable> all = everything(failure);
        for (Throwable t : all) {
            if (t instanceof ArtifactTransferException transfer && hasChecksumCause(transfer)) {
                return new DeploymentException(Reason.CHECKSUM, "checksum mismatch: " + name(transfer.getArtifact())
                        + " from repository " + repositoryName(transfer) + " does not match its published checksum ("
                        + checksumMessage(transfer) + "); nothing was installed", failure);
            }
        }
        for (Throwable t : all) {
            if (t instanceof ArtifactNotFoundException missing) {
                return new DeploymentException(Reason.NOT_FOUND, name(missing.getArtifact()) + " was not found in the repositories tried: "
                        + MavenNames.describe(repositories), failure);
            }
        }
        for (Throwable t : all) {
            if (t instanceof ArtifactTransferException transfer) {
                return new DeploymentException(Reason.REPOSITORY, "could not fetch " + name(transfer.getArtifact()) + " from repository "
                        + repositoryName(transfer) + ": " + rootMessage(transfer), failure);
            }
        }
        return new DeploymentException(Reason.REPOSITORY, "resolution failed: " + rootMessage(failure), failure);
    }

    /** The failure and everything it carries: causes, suppressed exceptions and the exceptions of partial results. */
    private static List<Throwable> everything(Throwable failure) {
        List<Throwable> found = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> next = new ArrayDeque<>(List.of(failure));
        while (!next.isEmpty()) {
            Throwable t = next.removeFirst();
            if (!seen.add(t)) {
                continue;
            }
            found.add(t);
            if (t.getCause() != null) {
                next.add(t.getCause());
            }
            next.addAll(List.of(t.getSuppressed()));
            if (t instanceof ArtifactResolutionException resolution) {
                for (ArtifactResult result : resolution.getResults()) {
                    next.addAll(result.getExceptions());
                }
            } else if (t instanceof ArtifactDescriptorException descriptor && descriptor.getResult() != null) {
                next.addAll(descriptor.getResult().getExceptions());
            } else if (t instanceof DependencyResolutionException dependencies && dependencies.getResult() != null) {
                next.addAll(dependencies.getResult().getCollectExceptions());
                for (ArtifactResult result : dependencies.getResult().getArtifactResults()) {
                    next.addAll(result.getExceptions());
                }
            } else if (t instanceof DependencyCollectionException collection && collection.getResult() != null) {
                next.addAll(collection.getResult().getExceptions());
            }
        }
        return found;
    }

    private static boolean hasChecksumCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ChecksumFailureException) {
                return true;
            }
        }
        return false;
    }

    private static String checksumMessage(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ChecksumFailureException) {
                return c.getMessage();
            }
        }
        return t.getMessage();
    }

    private static String name(Artifact artifact) {
        return artifact == null ? "an artifact" : MavenNames.describe(artifact);
    }

    private static String repositoryName(ArtifactTransferException transfer) {
        return transfer.getRepository() == null ? "(unknown)"
                : transfer.getRepository().getId() + " (" + transfer.getRepository().getUrl() + ")";
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return root == failure ? message : failure.getMessage() + " (" + message + ")";
    }
}
