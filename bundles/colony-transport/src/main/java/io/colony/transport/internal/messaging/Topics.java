package io.colony.transport.internal.messaging;

import java.util.Optional;

/**
 * What a message topic may be: 1 to {@value #MAX_LENGTH} characters, each an ASCII letter or digit or
 * one of {@code . _ - /}, as in {@code render/tiles} or {@code colony.jobs-2}.
 */
final class Topics {

    static final int MAX_LENGTH = 200;
    /** What a listener's {@code colony.message.topic} names to receive every topic. */
    static final String ALL = "*";
    private static final int SHOWN_CHARACTERS = 60;

    private Topics() {
    }

    /** Why the topic is not valid, or empty when it is. */
    static Optional<String> problem(String topic) {
        if (topic == null || topic.isEmpty()) {
            return Optional.of("the topic is empty");
        }
        if (topic.length() > MAX_LENGTH) {
            return Optional.of("the topic " + shown(topic) + " has " + topic.length() + " characters, more than " + MAX_LENGTH);
        }
        for (int index = 0; index < topic.length(); index++) {
            char character = topic.charAt(index);
            if (!allowed(character)) {
                return Optional.of("the topic " + shown(topic) + " has " + describe(character) + " at position " + (index + 1)
                        + "; a topic has only letters, digits and . _ - /");
            }
        }
        return Optional.empty();
    }

    private static boolean allowed(char character) {
        return (character >= 'a' && character <= 'z') || (character >= 'A' && character <= 'Z')
                || (character >= '0' && character <= '9')
                || character == '.' || character == '_' || character == '-' || character == '/';
    }

    private static String describe(char character) {
        String code = String.format("U+%04X", (int) character);
        return character > ' ' && character < 0x7f ? "'" + character + "' (" + code + ")" : code;
    }

    /**
     * The topic in quotes as it can safely go into a message or a log line: characters outside
     * printable ASCII as {@code ?}, cut after {@value #SHOWN_CHARACTERS} characters.
     */
    static String shown(String topic) {
        StringBuilder text = new StringBuilder("'");
        int end = Math.min(topic.length(), SHOWN_CHARACTERS);
        for (int index = 0; index < end; index++) {
            char character = topic.charAt(index);
            text.append(character >= ' ' && character < 0x7f ? character : '?');
        }
        return text.append(topic.length() > end ? "...'" : "'").toString();
    }
}
