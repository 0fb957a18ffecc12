package io.colony.api.deploy;

import java.time.Duration;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A manifest's bundles, live on this node while the deployment is open. Closing it releases them:
 * when no open deployment uses a bundle any more and the manifest asked for {@code deleteWhenDone},
 * the bundle is uninstalled (unless it was on the node before the first deployment installed it).
 */
@ProviderType
public interface Deployment extends AutoCloseable {

    /** Every artifact of the deployment: the manifest's bundles first, then their dependencies. */
    List<ResolvedArtifact> artifacts();

    /**
     * How long resolving and verifying the artifacts took: zero when the manifest's bundles were live
     * already and nothing had to be resolved; the time of reading the cache when everything came from it.
     */
    Duration resolveTime();

    /** How long installing and starting the bundles took (zero when they were all live already). */
    Duration installTime();

    /** Whether every artifact came from the node's cache. */
    boolean fromCache();

    /** The ids of the manifest's own bundles in the framework (where its plugins come from). */
    List<Long> bundleIds();

    /** Releases the bundles; idempotent, never throws. */
    @Override
    void close();
}
