package io.colony.api.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DecisionTest {

    @Test
    void allowAndDenyKeepTheirReason() {
        Decision allowed = Decision.allow("plugins installed by the operator may run");
        Decision denied = Decision.deny("commands are disabled");
        assertTrue(allowed.allowed());
        assertEquals("plugins installed by the operator may run", allowed.reason());
        assertFalse(denied.allowed());
        assertEquals("commands are disabled", denied.reason());
    }

    @Test
    void aDecisionWithoutAReasonIsRefused() {
        assertEquals("a trust decision needs a reason",
                assertThrows(IllegalArgumentException.class, () -> Decision.deny(null)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Decision.allow(""));
        assertThrows(IllegalArgumentException.class, () -> new Decision(false, "  \t"));
    }

    @Test
    void requireAllowedReturnsAnAllowingDecision() {
        Decision allowed = Decision.allow("ok");
        assertSame(allowed, allowed.requireAllowed());
    }

    @Test
    void requireAllowedThrowsTrustExceptionWithTheReasonAsMessage() {
        String reason = "commands are disabled by the trust policy (set commands.enabled = true in etc/io.colony.trust.cfg)";
        TrustException e = assertThrows(TrustException.class, () -> Decision.deny(reason).requireAllowed());
        assertEquals(reason, e.getMessage());
        assertEquals(reason, e.reason());
        assertTrue(e instanceof RuntimeException);
    }
}
