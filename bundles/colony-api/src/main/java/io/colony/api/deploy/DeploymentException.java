package io.colony.api.deploy;

/**
 * Why a manifest's bundles could not be made live. Nothing of the manifest stays installed: bundles
 * installed before the failure are uninstalled again.
 */
public final class DeploymentException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What went wrong, for a client that reacts to it; the message says it in words. */
    public enum Reason {
        /** The trust policy denies the manifest or one of its resolved artifacts. */
        DENIED,
        /** An artifact (or one of its dependencies) is in none of the repositories. */
        NOT_FOUND,
        /** A downloaded artifact does not match its repository checksum. */
        CHECKSUM,
        /** The trust policy requires signed jars and an artifact is unsigned, or not signed by a trusted signer, or its signature is broken. */
        SIGNATURE,
        /** A repository could not be read (I/O error, timeout, bad response). */
        REPOSITORY,
        /** An artifact is not an OSGi bundle, or a bundle's requirements (imports) cannot be resolved. */
        UNRESOLVED,
        /** Installing or starting a bundle failed otherwise. */
        INSTALL
    }

    private final Reason reason;

    public DeploymentException(Reason reason, String message) {
        this(reason, message, null);
    }

    public DeploymentException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = java.util.Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
