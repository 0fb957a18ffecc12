package io.colony.api.deploy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Resolves a manifest's bundles with maven-resolver, keeps their artifacts in the node's cache under
 * {@code data/}, and installs and starts them in the node's framework. Provided by {@code colony-deployer}.
 *
 * <p>Every deployment is checked with the node's trust policy before anything is downloaded (the
 * manifest's repositories and groupIds) and again after resolution (the groupIds of the dependencies,
 * and the jars' signatures when the policy requires them).
 */
@ProviderType
public interface Deployer {

    /**
     * Makes the manifest's bundles live on this node. Two calls for the same bundles at the same time
     * share one resolution and one installation; a bundle already installed (by the operator or by an
     * earlier deployment) is used as it is.
     *
     * @return completes with the deployment, which the caller must {@linkplain Deployment#close() close}
     *     when its task is done; or exceptionally with a {@link DeploymentException} saying why nothing
     *     was installed
     */
    CompletableFuture<Deployment> deploy(Manifest manifest);

    /** The artifacts in the node's cache, sorted by coordinates. */
    List<CachedArtifact> cachedArtifacts();

    /**
     * Removes the cached artifacts that no live deployment uses.
     *
     * @return the artifacts removed
     */
    List<CachedArtifact> clean();
}
