package io.colony.api.trust;

/**
 * The trust policy's answer: allowed or not, and always why, in words that tell an operator which
 * setting to change.
 *
 * @param allowed whether the request may run
 * @param reason  why; never empty
 */
public record Decision(boolean allowed, String reason) {

    /** @throws IllegalArgumentException when the reason is missing or blank */
    public Decision {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a trust decision needs a reason");
        }
    }

    public static Decision allow(String reason) {
        return new Decision(true, reason);
    }

    public static Decision deny(String reason) {
        return new Decision(false, reason);
    }

    /**
     * @return this decision, when it allows
     * @throws TrustException with the reason, when it denies
     */
    public Decision requireAllowed() {
        if (!allowed) {
            throw new TrustException(reason);
        }
        return this;
    }
}
