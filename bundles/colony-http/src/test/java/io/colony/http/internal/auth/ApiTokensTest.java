package io.colony.http.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ApiTokensTest {

    private final ApiTokens tokens = ApiTokens.of(List.of("first-token-0123456789", "second+token/with=chars~"));

    @Test
    void acceptsEveryConfiguredTokenExactly() {
        assertTrue(tokens.accepts("first-token-0123456789"));
        assertTrue(tokens.accepts("second+token/with=chars~"));
        assertEquals(2, tokens.size());
    }

    @Test
    void refusesPrefixesExtensionsAndOtherCase() {
        assertFalse(tokens.accepts("first-token-012345678"));
        assertFalse(tokens.accepts("first-token-01234567890"));
        assertFalse(tokens.accepts("FIRST-TOKEN-0123456789"));
        assertFalse(tokens.accepts(""));
    }

    @Test
    void refusesTokensBreakingTheRule() {
        assertThrows(IllegalArgumentException.class, () -> ApiTokens.of(List.of("short")));
        assertThrows(IllegalArgumentException.class, () -> ApiTokens.of(List.of("has a space in it somewhere")));
        assertThrows(IllegalArgumentException.class, () -> ApiTokens.of(List.of()));
    }
}
