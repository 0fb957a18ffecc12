package io.colony.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    @TempDir
    Path root;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final Main main = new Main(new ByteArrayInputStream(new byte[0]),
            new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8));

    private String out() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpPrintsTheUsageOnStdout() {
        assertEquals(0, main.run("--help"));
        assertEquals(Usage.TEXT, out());
        assertEquals("", err());
    }

    @Test
    void usageExplainsEveryCommandAndTheEnvironment() {
        for (Command command : Command.values()) {
            assertTrue(Usage.TEXT.contains("\n  " + command.word()), command.word());
        }
        for (Command.Option option : Command.Option.values()) {
            assertTrue(Usage.TEXT.contains(option.spelling()), option.spelling());
        }
        assertTrue(Usage.TEXT.contains("JAVA_HOME") && Usage.TEXT.contains("JAVA_OPTS"));
    }

    @Test
    void wrongCommandLinePrintsUsageAndReasonOnStderrWithStatusTwo() {
        assertEquals(2, main.run("start", "--http-port", "none"));
        assertEquals("", out());
        assertTrue(err().startsWith(Usage.TEXT), err());
        assertTrue(err().endsWith("colony: start: --http-port 'none': not a whole number\n"), err());
    }

    @Test
    void failurePrintsOneLineWithTheReason() {
        assertEquals(1, main.run("client", "--home", root.toString(), "colony:node"));
        assertEquals("colony: no node is running in " + root + " (no " + root.resolve("data/shell.port") + ")\n", err());
    }

    @Test
    void statusOfAHomeWithoutNodeExitsWithThree() {
        assertEquals(NodeControl.NOT_RUNNING, main.run("status", "--home", root.toString()));
    }
}
