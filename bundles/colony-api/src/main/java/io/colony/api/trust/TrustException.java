package io.colony.api.trust;

/** Something was refused by the trust policy; the message is the policy's reason. */
public class TrustException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TrustException(String reason) {
        super(reason);
    }

    /** The policy's reason, the same as {@link #getMessage()}. */
    public String reason() {
        return getMessage();
    }
}
