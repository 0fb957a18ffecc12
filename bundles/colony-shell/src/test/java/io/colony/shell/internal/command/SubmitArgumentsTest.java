package io.colony.shell.internal.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SubmitArgumentsTest {

    private static String errorOf(String... args) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> SubmitArguments.parse(args));
        String message = error.getMessage();
        assertTrue(message.contains("\nusage: colony:submit [--no-wait]"), "no usage in: " + message);
        return message.substring(0, message.indexOf('\n'));
    }

    @Test
    void readsTheFileAndWaitsWithoutLimitByDefault() {
        SubmitArguments arguments = SubmitArguments.parse("job.json");
        assertEquals("job.json", arguments.file());
        assertTrue(arguments.await());
        assertNull(arguments.output());
        assertEquals(Optional.empty(), arguments.timeout());
        assertFalse(arguments.help());
    }

    @Test
    void readsTheOptionsBeforeOrAfterTheFile() {
        SubmitArguments arguments = SubmitArguments.parse("--timeout", "90", "jobs/render.json", "--output=tiles.png");
        assertEquals("jobs/render.json", arguments.file());
        assertEquals(Optional.of(Duration.ofSeconds(90)), arguments.timeout());
        assertEquals("tiles.png", arguments.output());
        assertFalse(SubmitArguments.parse("job.json", "--no-wait").await());
    }

    @Test
    void theTimeoutIsSecondsOrADuration() {
        assertEquals(Optional.of(Duration.ofMinutes(5)), SubmitArguments.parse("--timeout", "5m", "j").timeout());
        assertEquals("colony:submit: --timeout: 'soon' is not a positive number of seconds or a duration such as 30s, 5m or 2h "
                + "(at most 30d)", errorOf("--timeout", "soon", "j"));
        assertTrue(errorOf("--timeout", "0", "j").startsWith("colony:submit: --timeout: '0' is not a positive number"));
        assertTrue(errorOf("--timeout", "-5", "j").startsWith("colony:submit: --timeout: '-5' is not"));
    }

    @Test
    void theFileIsRequiredAndAlone() {
        assertEquals("colony:submit: missing <job.json>", errorOf());
        assertEquals("colony:submit: missing <job.json>", errorOf("--no-wait"));
        assertEquals("colony:submit: unexpected argument 'b.json'", errorOf("a.json", "b.json"));
    }

    @Test
    void optionsThatNeedTheWaitAreRefusedWithNoWait() {
        assertEquals("colony:submit: --output needs the command to wait for the result; leave out --no-wait",
                errorOf("--no-wait", "--output", "r.png", "j"));
        assertEquals("colony:submit: --timeout bounds the wait, and --no-wait does not wait", errorOf("--no-wait", "--timeout", "9", "j"));
    }

    @Test
    void wrongOptionsAreReported() {
        assertEquals("colony:submit: unknown option --wait", errorOf("--wait", "j"));
        assertEquals("colony:submit: --no-wait takes no value", errorOf("--no-wait=yes", "j"));
        assertEquals("colony:submit: --no-wait is given twice", errorOf("--no-wait", "--no-wait", "j"));
        assertEquals("colony:submit: --output needs a value", errorOf("j", "--output"));
        assertEquals("colony:submit: --output needs a file name", errorOf("--output=", "j"));
    }

    @Test
    void recognisesHelp() {
        assertTrue(SubmitArguments.parse("-h").help());
        assertTrue(SubmitArguments.parse("job.json", "--help").help());
    }
}
