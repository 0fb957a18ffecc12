package io.colony.trust.internal;

/**
 * User input made safe for a log line or an error message: in single quotes, with quotes,
 * backslashes, control, format (bidirectional overrides and the like) and line-separator characters
 * escaped, and cut to {@value #MAX_CHARS} characters.
 */
final class Quoted {

    static final int MAX_CHARS = 200;

    private Quoted() {
    }

    static String of(String text) {
        if (text == null) {
            return "null";
        }
        int end = text.length();
        String more = "";
        if (end > MAX_CHARS) {
            end = Character.isHighSurrogate(text.charAt(MAX_CHARS - 1)) ? MAX_CHARS - 1 : MAX_CHARS;
            more = "... (" + text.length() + " chars)";
        }
        StringBuilder quoted = new StringBuilder(end + 16).append('\'');
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\'' -> quoted.append("\\'");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                case '\0' -> quoted.append("\\0");
                default -> {
                    int type = Character.getType(c);
                    if (Character.isISOControl(c) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                            || type == Character.PARAGRAPH_SEPARATOR) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('\'').append(more).toString();
    }
}
