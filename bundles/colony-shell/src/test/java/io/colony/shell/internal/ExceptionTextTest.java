package io.colony.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ExceptionTextTest {

    @Test
    void joinsTheMessagesOfTheCauses() {
        Exception error = new IllegalStateException("cannot start", new IOException("disk full"));
        assertEquals("cannot start: disk full", ExceptionText.of(error));
    }

    @Test
    void leavesOutACauseThatTheWrapperAlreadyRepeats() {
        Exception error = new RuntimeException(new IOException("disk full"));
        assertEquals("disk full", ExceptionText.of(error));
    }

    @Test
    void namesTheClassWhenNoExceptionInTheChainHasAMessage() {
        assertEquals("java.lang.IllegalStateException", ExceptionText.of(new IllegalStateException()));
    }

    @Test
    void survivesACycleOfCauses() {
        Exception first = new Exception("first");
        Exception second = new Exception("second", first);
        first.initCause(second);
        assertEquals("first: second", ExceptionText.of(first));
    }

    @Test
    void keepsMessagesThatMerelyLookLikePackageNames() {
        assertEquals("io.colony.node: http.port = 'x': bad",
                ExceptionText.join(Arrays.asList(null, "io.colony.node: http.port = 'x': bad")));
    }
}
