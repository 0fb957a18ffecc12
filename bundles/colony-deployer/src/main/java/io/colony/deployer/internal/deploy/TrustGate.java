package io.colony.deployer.internal.deploy;

import io.colony.api.deploy.DeploymentException;
import io.colony.api.deploy.DeploymentException.Reason;
import io.colony.api.trust.Decision;
import io.colony.api.trust.Request;
import io.colony.api.trust.TrustPolicy;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.Supplier;

/** Asks the node's trust policy; a denial (or no policy at all) becomes a {@link DeploymentException} with the policy's reason. */
public final class TrustGate {

    private final Supplier<TrustPolicy> policy;

    public TrustGate(Supplier<TrustPolicy> policy) {
        this.policy = policy;
    }

    /** @throws DeploymentException DENIED */
    void allowInstall(List<String> coordinates, List<String> repositoryUrls) throws DeploymentException {
        Decision decision = ask(new Request.InstallArtifacts(coordinates, repositoryUrls), Reason.DENIED);
        if (!decision.allowed()) {
            throw new DeploymentException(Reason.DENIED, "the trust policy denies installing " + String.join(", ", coordinates)
                    + ": " + decision.reason());
        }
    }

    /** @throws DeploymentException SIGNATURE */
    void allowLoad(String coordinates, List<List<X509Certificate>> signerChains) throws DeploymentException {
        Decision decision = ask(new Request.LoadBundle(coordinates, signerChains), Reason.SIGNATURE);
        if (!decision.allowed()) {
            throw new DeploymentException(Reason.SIGNATURE, "the trust policy denies loading " + coordinates
                    + (signerChains.isEmpty() ? " (unsigned or not wholly signed)" : " (signed by " + signerChains.get(0).get(0).getSubjectX500Principal().getName() + ")")
                    + ": " + decision.reason());
        }
    }

    private Decision ask(Request request, Reason reason) throws DeploymentException {
        TrustPolicy current = policy.get();
        if (current == null) {
            throw new DeploymentException(reason, "no trust policy service on this node: manifest jobs are denied");
        }
        try {
            Decision decision = current.check(request);
            if (decision == null) {
                throw new DeploymentException(reason, "the trust policy gave no decision: denied");
            }
            return decision;
        } catch (RuntimeException e) {
            throw new DeploymentException(reason, "the trust policy failed (" + e + "): denied", e);
        }
    }
}
