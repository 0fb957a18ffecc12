package io.colony.transport.internal.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void aTopicIsShownInQuotesWithOnlyPrintableCharactersAndCutWhenLong() {
        assertEquals("'a?b'", Topics.shown("a\nb"));
        assertEquals("'" + "x".repeat(60) + "...'", Topics.shown("x".repeat(61)));
    }

    @Test
    void lettersOutsideAsciiAreNotAllowed() {
        assertEquals(Optional.of("the topic 'caf?' has U+00E9 at position 4; a topic has only letters, digits and . _ - /"),
                Topics.problem("café"));
    }
}
