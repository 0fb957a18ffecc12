package io.colony.shell.internal.command;

import io.colony.api.cluster.ClusterMembership;
import java.io.PrintStream;

/** {@code colony:availability [on|off]}: shows or changes whether this node's worker takes work. */
final class AvailabilityCommand {

    static final String AVAILABLE = "available: this node's worker takes work from managers";
    static final String WITHDRAWN = "withdrawn: this node's worker takes no new work; colony:availability on offers it again";

    enum Action { SHOW, ON, OFF, HELP }

    private AvailabilityCommand() {
    }

    /** @throws IllegalArgumentException with the reason and the usage for anything but nothing, on, off or --help */
    static Action parse(String[] args) {
        if (args == null || args.length == 0) {
            return Action.SHOW;
        }
        if (args.length > 1) {
            throw Usage.AVAILABILITY.error("expected at most one argument (on or off), got " + args.length);
        }
        return switch (args[0]) {
            case "on" -> Action.ON;
            case "off" -> Action.OFF;
            case "--help", "-h" -> Action.HELP;
            default -> throw Usage.AVAILABILITY.error("unknown argument '" + args[0] + "' (expected on or off)");
        };
    }

    /** Sets the availability for {@code on} and {@code off}, then prints it; {@link Action#HELP} is the caller's to answer. */
    static void execute(Action action, ClusterMembership membership, PrintStream out) {
        if (action == Action.ON || action == Action.OFF) {
            membership.setAvailability(action == Action.ON);
        }
        out.println(membership.isAvailable() ? AVAILABLE : WITHDRAWN);
        out.flush();
    }
}
