package io.colony.deployer.internal.deploy;

import io.colony.deployer.internal.install.BundleJar;
import io.colony.deployer.internal.resolve.FetchedArtifact;
import io.colony.deployer.internal.verify.BundleHeaders;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A fetched jar whose signatures were verified and whose bundle headers were read.
 *
 * @param fetched the jar in the cache
 * @param headers its bundle identity
 * @param signers the chains that signed all of it (empty when unsigned), which the trust policy is asked about again on reuse
 */
record VerifiedArtifact(FetchedArtifact fetched, BundleHeaders headers, List<List<X509Certificate>> signers) {

    String coordinates() {
        return fetched.coordinates().toString();
    }

    BundleJar jar() {
        return new BundleJar(coordinates(), fetched.file(), headers);
    }
}
