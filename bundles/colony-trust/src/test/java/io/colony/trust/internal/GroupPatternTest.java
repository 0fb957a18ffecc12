package io.colony.trust.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GroupPatternTest {

    @Test
    void anExactPatternMatchesOnlyThatGroupId() {
        GroupPattern pattern = GroupPattern.parse("org.apache.commons");
        assertTrue(pattern.matches("org.apache.commons"));
        assertFalse(pattern.matches("org.apache.commons.evil"));
        assertFalse(pattern.matches("org.apache"));
        assertFalse(pattern.matches("org.apache.Commons"));
        assertEquals("org.apache.commons", pattern.toString());
    }

    @Test
    void aWildcardMatchesTheGroupIdAndEveryGroupIdBelowIt() {
        GroupPattern pattern = GroupPattern.parse("io.colony.*");
        assertTrue(pattern.matches("io.colony"));
        assertTrue(pattern.matches("io.colony.plugins"));
        assertTrue(pattern.matches("io.colony.plugins.demo"));
        assertFalse(pattern.matches("io.colonyx"));
        assertFalse(pattern.matches("io.colony-evil"));
        assertFalse(pattern.matches("io"));
        assertEquals("io.colony.*", pattern.toString());
    }

    @Test
    void anythingElseIsRefusedSayingWhatAPatternLooksLike() {
        for (String text : new String[] {"*", ".*", "io.*.plugins", "io.colony*", "io.colony.", "io colony", "io.colony.**", "[a-z]+", ""}) {
            assertEquals("not a groupId (org.apache.commons) or a groupId followed by .* (io.colony.*)",
                    assertThrows(IllegalArgumentException.class, () -> GroupPattern.parse(text), text).getMessage());
        }
    }
}
