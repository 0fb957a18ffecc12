package io.colony.api.trust;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Decides whether something may run on this node. Provided by {@code colony-trust}, configured by
 * {@code etc/io.colony.trust.cfg} (PID {@value #PID}); deny-by-default for shell commands,
 * topology 2 (manifest jobs) and topology 3 (source jobs). Both the manager (before scheduling) and
 * every worker (before running; a worker never trusts the manager blindly) ask it.
 *
 * <p>This is a provider type: later versions may add methods (for example the limits and allowlists
 * that topologies 2 and 3 need) in minor releases.
 */
@ProviderType
public interface TrustPolicy {

    /** The configuration PID of the policy. */
    String PID = "io.colony.trust";

    /**
     * The decision for one request. Never throws for a well-formed request and never returns
     * {@code null}; a request of a kind the policy does not know is denied.
     */
    Decision check(Request request);

    /**
     * How the sandbox runs source jobs (topology 3) on this node: isolation, limits, allowlist additions. Asked by a
     * worker for each source task, after {@link #check} allowed its {@link Request.RunSource}.
     *
     * @return the operator's settings; a policy that has none gives {@link io.colony.api.source.SandboxPolicy#DEFAULTS}
     */
    default io.colony.api.source.SandboxPolicy sandboxPolicy() {
        return io.colony.api.source.SandboxPolicy.DEFAULTS;
    }
}
