package io.colony.tracker.internal;

import java.util.regex.Pattern;

/** The rule for node ids, cluster names and user data keys. */
final class Names {

    static final String RULE = "must be 1 to 63 characters of A-Z a-z 0-9 . _ -";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,63}");

    private Names() {
    }

    static boolean isValid(String text) {
        return text != null && NAME.matcher(text).matches();
    }
}
