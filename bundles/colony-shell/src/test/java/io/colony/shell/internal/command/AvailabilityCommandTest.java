package io.colony.shell.internal.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.colony.shell.internal.command.AvailabilityCommand.Action;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AvailabilityCommandTest {

    private final FakeMembership membership = new FakeMembership();

    private String run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AvailabilityCommand.execute(AvailabilityCommand.parse(args), membership, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void withoutArgumentSaysWhetherTheWorkerTakesWork() {
        assertEquals(AvailabilityCommand.AVAILABLE + "\n", run());
        membership.setAvailability(false);
        assertEquals(AvailabilityCommand.WITHDRAWN + "\n", run());
    }

    @Test
    void offWithdrawsTheWorkerAndOnOffersItAgain() {
        assertEquals("withdrawn: this node's worker takes no new work; colony:availability on offers it again\n", run("off"));
        assertFalse(membership.isAvailable());
        assertEquals("available: this node's worker takes work from managers\n", run("on"));
        assertTrue(membership.isAvailable());
    }

    @Test
    void helpIsRecognised() {
        assertEquals(Action.HELP, AvailabilityCommand.parse(new String[] {"--help"}));
    }

    @Test
    void anythingElseFailsWithTheReasonAndTheUsage() {
        String message = assertThrows(IllegalArgumentException.class, () -> run("maybe")).getMessage();
        assertEquals("colony:availability: unknown argument 'maybe' (expected on or off)\n" + Usage.AVAILABILITY.text(), message);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> run("on", "now")).getMessage()
                .startsWith("colony:availability: expected at most one argument (on or off), got 2\nusage: colony:availability [on|off]"));
        assertTrue(membership.isAvailable());
    }
}
