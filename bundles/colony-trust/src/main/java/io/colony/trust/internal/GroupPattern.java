package io.colony.trust.internal;

import java.util.regex.Pattern;

/**
 * An allowed Maven groupId: exactly {@code org.apache.commons}, or {@code io.colony.*}, which matches
 * {@code io.colony} and every groupId below it ({@code io.colony.plugins}, ...) but not
 * {@code io.colonyx}. GroupIds are compared case-sensitively, as Maven does.
 *
 * @param groupId  the groupId, or the prefix before {@code .*}
 * @param wildcard whether groupIds below {@code groupId} match too
 */
record GroupPattern(String groupId, boolean wildcard) {

    private static final String WILDCARD = ".*";
    private static final Pattern GROUP_ID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}");

    /** @throws IllegalArgumentException saying what a pattern looks like */
    static GroupPattern parse(String text) {
        boolean wildcard = text.endsWith(WILDCARD);
        String groupId = wildcard ? text.substring(0, text.length() - WILDCARD.length()) : text;
        if (!GROUP_ID.matcher(groupId).matches() || groupId.endsWith(".")) {
            throw new IllegalArgumentException("not a groupId (org.apache.commons) or a groupId followed by .* (io.colony.*)");
        }
        return new GroupPattern(groupId, wildcard);
    }

    boolean matches(String candidate) {
        return candidate.equals(groupId) || wildcard && candidate.startsWith(groupId + ".");
    }

    @Override
    public String toString() {
        return wildcard ? groupId + WILDCARD : groupId;
    }
}
