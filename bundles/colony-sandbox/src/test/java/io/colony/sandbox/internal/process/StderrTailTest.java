package io.colony.sandbox.internal.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class StderrTailTest {

    @Test
    void keepsOnlyTheLastLinesEachCutToItsLength() throws InterruptedException {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 1000; i++) {
            text.append("line ").append(i).append('\n');
        }
        text.append("x".repeat(5000)).append("\nlast without newline");
        StderrTail tail = new StderrTail(new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)), 3, 10);
        tail.run();
        assertEquals(List.of("line 1000", "xxxxxxxxxx…", "last witho…"), tail.lines(0));
    }

    @Test
    void anEmptyStreamHasNoLines() throws InterruptedException {
        StderrTail tail = new StderrTail(new ByteArrayInputStream(new byte[0]), 3, 10);
        tail.run();
        assertEquals(List.of(), tail.lines(0));
    }
}
