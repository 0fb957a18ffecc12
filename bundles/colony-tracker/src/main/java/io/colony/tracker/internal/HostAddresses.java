package io.colony.tracker.internal;

import java.util.regex.Pattern;

/** The shape accepted for a host name or IP address literal (IPv6 without brackets, with an optional zone). */
final class HostAddresses {

    static final String RULE = "must be a host name or IP address (1 to 253 characters of A-Z a-z 0-9 . : % _ -)";

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:%_-]{1,253}");

    private HostAddresses() {
    }

    static boolean isValid(String text) {
        return text != null && HOST.matcher(text).matches();
    }
}
