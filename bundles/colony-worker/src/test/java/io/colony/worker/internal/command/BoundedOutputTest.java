package io.colony.worker.internal.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BoundedOutputTest {

    @Test
    void keepsEverythingUnderTheLimit() {
        BoundedOutput output = new BoundedOutput(16);
        output.drain(new ByteArrayInputStream("héllo\n".getBytes(StandardCharsets.UTF_8)));

        assertEquals("héllo\n", output.text());
        assertFalse(output.truncated());
    }

    @Test
    void dropsBeyondTheLimitAndSaysHowMuch() {
        BoundedOutput output = new BoundedOutput(4);
        output.drain(new ByteArrayInputStream("abcdefghij".getBytes(StandardCharsets.UTF_8)));

        assertTrue(output.truncated());
        assertEquals(6, output.dropped());
        assertEquals("abcd\n[... 6 bytes dropped]", output.text());
    }

    @Test
    void markerFollowsAKeptNewlineDirectly() {
        BoundedOutput output = new BoundedOutput(3);
        output.append("ab\ncd".getBytes(StandardCharsets.UTF_8), 0, 5);

        assertEquals("ab\n[... 2 bytes dropped]", output.text());
    }
}
