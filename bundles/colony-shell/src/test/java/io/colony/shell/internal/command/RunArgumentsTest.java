package io.colony.shell.internal.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunArgumentsTest {

    private static String errorOf(String... args) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> RunArguments.parse(args));
        String message = error.getMessage();
        assertTrue(message.contains("\nusage: colony:run [--chunks N]"), "no usage in: " + message);
        return message.substring(0, message.indexOf('\n'));
    }

    @Test
    void readsThePluginAndItsInputsWithDefaults() {
        RunArguments arguments = RunArguments.parse("primes", "from=1", "to=1000");
        assertEquals("primes", arguments.plugin());
        assertEquals(List.of("from=1", "to=1000"), arguments.inputs());
        assertFalse(arguments.split());
        assertEquals(Duration.ofMinutes(10), arguments.timeout());
        assertNull(arguments.versionRange());
        assertNull(arguments.out());
    }

    @Test
    void readsEveryOptionBeforeOrAfterThePlugin() {
        RunArguments arguments = RunArguments.parse("--chunks", "8", "--timeout=30s", "primes", "from=1",
                "--version", "[1.0,2)", "--out", "result.json");
        assertEquals(8, arguments.chunks());
        assertTrue(arguments.split());
        assertEquals(Duration.ofSeconds(30), arguments.timeout());
        assertEquals("[1.0,2)", arguments.versionRange());
        assertEquals("result.json", arguments.out());
        assertEquals(List.of("from=1"), arguments.inputs());
    }

    @Test
    void takesEverythingAfterADoubleDashAsInput() {
        RunArguments arguments = RunArguments.parse("echo", "--", "--not-an-option");
        assertEquals(List.of("--not-an-option"), arguments.inputs());
    }

    @Test
    void recognisesHelp() {
        assertTrue(RunArguments.parse("--help").help());
        assertTrue(RunArguments.parse("primes", "-h").help());
    }

    @Test
    void missingPluginIsReported() {
        assertEquals("colony:run: missing <plugin>", errorOf());
        assertEquals("colony:run: missing <plugin>", errorOf("--chunks", "4"));
    }

    @Test
    void missingInputIsReportedWithThePluginsName() {
        assertEquals("colony:run: missing <input> for plugin 'primes'", errorOf("primes"));
    }

    @Test
    void aPluginNameWithOtherCharactersIsRefused() {
        assertEquals("colony:run: '@input.json' is not a plugin name (letters, digits, '.', '_' and '-')",
                errorOf("@input.json", "x"));
    }

    @Test
    void badChunksAreReported() {
        assertEquals("colony:run: --chunks: 'many' is not a whole number from 1 to 10000", errorOf("--chunks", "many", "p", "x"));
        assertEquals("colony:run: --chunks: '0' is not a whole number from 1 to 10000", errorOf("--chunks", "0", "p", "x"));
        assertEquals("colony:run: --chunks: '10001' is not a whole number from 1 to 10000", errorOf("--chunks=10001", "p", "x"));
        assertEquals("colony:run: --chunks needs a value", errorOf("p", "x", "--chunks"));
        assertEquals("colony:run: --chunks is given twice", errorOf("--chunks", "2", "--chunks", "3", "p", "x"));
    }

    @Test
    void badTimeoutIsReported() {
        assertEquals("colony:run: --timeout: 'soon' is not a duration (use 500ms, 30s, 5m, 2h or ISO-8601 like PT30S)",
                errorOf("--timeout", "soon", "p", "x"));
        assertEquals("colony:run: --timeout: '0s' is not a positive duration", errorOf("--timeout", "0s", "p", "x"));
    }

    @Test
    void badVersionRangeIsReported() {
        assertEquals("colony:run: --version: '[1.0,2' is not a version (1.2.0) or an OSGi version range in quotes ('[1.0,2)')",
                errorOf("--version", "[1.0,2", "p", "x"));
        assertEquals("colony:run: --version: 'latest' is not a version (1.2.0) or an OSGi version range in quotes ('[1.0,2)')",
                errorOf("--version", "latest", "p", "x"));
    }

    @Test
    void unknownOptionIsReported() {
        assertEquals("colony:run: unknown option --parallel", errorOf("--parallel", "4", "p", "x"));
        assertEquals("colony:run: unknown option -c", errorOf("-c", "4", "p", "x"));
    }

    @Test
    void emptyOutIsReported() {
        assertEquals("colony:run: --out needs a file name", errorOf("--out=", "p", "x"));
    }
}
