package io.colony.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandLineTest {

    @ParameterizedTest
    @ValueSource(strings = {"help", "--help", "-h"})
    void helpWordsAskForHelp(String word) throws UsageException {
        assertEquals(Command.HELP, CommandLine.parse(word).command());
    }

    @Test
    void noArgumentsAskForHelp() throws UsageException {
        assertEquals(Command.HELP, CommandLine.parse().command());
    }

    @Test
    void startTakesEveryOptionInBothSpellings() throws UsageException {
        Invocation invocation = CommandLine.parse("start", "--home", "/tmp/node1", "--roles=worker,Manager", "--http-port", "22591", "--background");

        assertEquals(Command.START, invocation.command());
        assertEquals(Optional.of(Path.of("/tmp/node1")), invocation.home());
        assertEquals(Optional.of("worker,manager"), invocation.roles());
        assertEquals(22591, invocation.httpPort().getAsInt());
        assertTrue(invocation.background());
    }

    @Test
    void relativeHomeIsMadeAbsolute() throws UsageException {
        Path home = CommandLine.parse("status", "--home", "nodes/../node1").home().orElseThrow();

        assertEquals(Path.of("node1").toAbsolutePath(), home);
    }

    @Test
    void stopTimeoutIsInSeconds() throws UsageException {
        assertEquals(Optional.of(Duration.ofSeconds(30)), CommandLine.parse("stop", "--timeout", "30").timeout());
    }

    @Test
    void clientCommandKeepsItsOwnOptions() throws UsageException {
        Invocation invocation = CommandLine.parse("client", "--home", "/tmp/n", "colony:run", "--chunks", "8", "primes", "{}");

        assertEquals(Optional.of(Path.of("/tmp/n")), invocation.home());
        assertEquals(List.of("colony:run", "--chunks", "8", "primes", "{}"), invocation.commandWords());
    }

    @Test
    void doubleDashEndsTheClientsOptions() throws UsageException {
        assertEquals(List.of("--help"), CommandLine.parse("client", "--", "--help").commandWords());
    }

    @Test
    void clientWithoutCommandIsInteractive() throws UsageException {
        assertTrue(CommandLine.parse("client").commandWords().isEmpty());
    }

    @Test
    void unknownCommandIsRejected() {
        UsageException failure = assertThrows(UsageException.class, () -> CommandLine.parse("launch"));

        assertEquals("unknown command 'launch'", failure.getMessage());
        assertEquals(2, failure.status());
    }

    @Test
    void optionOfAnotherCommandIsRejected() {
        UsageException failure = assertThrows(UsageException.class, () -> CommandLine.parse("stop", "--roles", "worker"));

        assertEquals("stop: unknown option '--roles'", failure.getMessage());
    }

    @Test
    void optionWithoutItsValueIsRejected() {
        UsageException failure = assertThrows(UsageException.class, () -> CommandLine.parse("start", "--home"));

        assertEquals("start: option --home needs a value", failure.getMessage());
    }

    @Test
    void flagWithAValueIsRejected() {
        UsageException failure = assertThrows(UsageException.class, () -> CommandLine.parse("start", "--background=yes"));

        assertEquals("start: option --background takes no value", failure.getMessage());
    }

    @Test
    void repeatedOptionIsRejected() {
        UsageException failure = assertThrows(UsageException.class, () -> CommandLine.parse("start", "--http-port", "1", "--http-port", "2"));

        assertEquals("start: option --http-port given twice", failure.getMessage());
    }

    @Test
    void strayArgumentIsRejected() {
        UsageException failure = assertThrows(UsageException.class, () -> CommandLine.parse("status", "now"));

        assertEquals("status: unexpected argument 'now'", failure.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "65536", "-1", "http", ""})
    void portOutsideTheRangeOrNotANumberIsRejected(String port) {
        UsageException failure = assertThrows(UsageException.class, () -> CommandLine.parse("start", "--http-port", port));

        assertTrue(failure.getMessage().startsWith("start: --http-port '" + port + "': "), failure.getMessage());
    }

    @Test
    void unknownRoleIsRejectedByName() {
        UsageException failure = assertThrows(UsageException.class, () -> CommandLine.parse("start", "--roles", "worker,boss"));

        assertEquals("start: --roles 'worker,boss': 'boss' is not a role; use manager, worker or tracker, comma-separated", failure.getMessage());
    }

    @Test
    void emptyRoleListIsRejected() {
        assertThrows(UsageException.class, () -> CommandLine.parse("start", "--roles", ""));
    }

    @Test
    void zeroTimeoutIsRejected() {
        UsageException failure = assertThrows(UsageException.class, () -> CommandLine.parse("stop", "--timeout", "0"));

        assertEquals("stop: --timeout '0': give a number of seconds, at least 1", failure.getMessage());
    }

    @Test
    void localIsAStartFlagAndTheDemosDefault() throws UsageException {
        assertTrue(CommandLine.parse("start", "--local").local());
        assertFalse(CommandLine.parse("start").local());
        assertTrue(CommandLine.parse("demo").local());
    }

    @Test
    void demoKeepsRunningOnlyWhenAsked() throws UsageException {
        assertTrue(CommandLine.parse("demo", "--keep-running").keepRunning());
        assertFalse(CommandLine.parse("demo").keepRunning());
    }
}
