package io.colony.deployer.internal.deploy;

import io.colony.deployer.internal.resolve.FetchedArtifact;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a manifest resolved to.
 *
 * @param collected   every artifact's coordinates, the manifest's bundles first (as the trust policy was asked)
 * @param artifacts   the jars to install, in the same order
 * @param bundleCount how many of the first artifacts are the manifest's own bundles
 * @param resolveTime how long resolving and verifying took
 * @param fromCache   whether no repository was asked for anything
 */
record ResolvedManifest(List<String> collected, List<VerifiedArtifact> artifacts, int bundleCount, Duration resolveTime, boolean fromCache) {

    /** The same artifacts, taken again while their bundles are live: nothing resolved, all from the cache. */
    ResolvedManifest reused() {
        List<VerifiedArtifact> cached = artifacts.stream()
                .map(a -> new VerifiedArtifact(new FetchedArtifact(a.fetched().coordinates(), a.fetched().file(), FetchedArtifact.CACHE), a.headers(), a.signers()))
                .toList();
        return new ResolvedManifest(collected, cached, bundleCount, Duration.ZERO, true);
    }

    Set<String> bundleKeys() {
        Set<String> keys = new LinkedHashSet<>();
        artifacts.forEach(artifact -> keys.add(artifact.headers().key()));
        return keys;
    }
}
